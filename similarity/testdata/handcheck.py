# Independent slow reference for TestHandCheckedDyadYears: reads the raw
# CSVs under $CASUS_DATA with the csv module only, builds both portfolios
# position by position, and computes every measure with the plain formulas
# of fpsim's srs/spi/cohenk and Kendall's all-pairs tau-b.
# Usage: CASUS_DATA=/work/shared/data python3 handcheck.py CCODE1:CCODE2:YEAR:NMC ...
import csv, datetime, math, os, sys
D = os.environ.get("CASUS_DATA", "/work/shared/data") + "/"
def d(y, m, dd): return datetime.date(y, m, dd).toordinal()
spells = {}
for r in csv.DictReader(open(D + "cow_states/statelist2024.csv", newline="")):
    spells.setdefault(int(r["ccode"]), []).append((d(int(r["styear"]), int(r["stmonth"]), int(r["stday"])), d(int(r["endyear"]), int(r["endmonth"]), int(r["endday"]))))
atop = {}
for r in csv.DictReader(open(D + "atop/atop5_1_ddyr_subset_peacesciencer.csv", newline="")):
    atop[(int(r["ccode1"]), int(r["ccode2"]), int(r["year"]))] = r
def cincs(path):
    out = {}
    for r in csv.DictReader(open(path, newline="")):
        v = r["cinc"].strip()
        out[(int(r["ccode"]), int(r["year"]))] = float(v) if v not in ("", "-9") else None
    return out
nmc = {"7.0": cincs(D + "cow_nmc/cow_nmc_v7_peacesciencer.csv"), "6.0": cincs(D + "cow_nmc/NMC-60-abridged.csv")}
def days(c, y):
    lo, hi = d(y, 1, 1), d(y, 12, 31)
    return [(max(a, lo), min(b, hi)) for a, b in spells[c] if max(a, lo) <= min(b, hi)]
def meet(a, b): return any(x0 <= y1 and y0 <= x1 for x0, x1 in a for y0, y1 in b)
def code(i, k, y):
    if i == k: return 3
    r = atop.get((i, k, y))
    if r is None: return 0
    if r["atop_defense"] == "1" or r["atop_offense"] == "1": return 3
    if r["atop_neutral"] == "1" or r["atop_consul"] == "1": return 2
    if r["atop_nonagg"] == "1": return 1
    return 0
def S(x, v, m, sq, w):
    num = sum(wk * ((abs(a - b) / m) ** (2 if sq else 1)) for a, b, wk in zip(x, v, w) if wk is not None)
    den = sum(wk for wk in w if wk is not None)
    return 1 - 2 * num / den if den > 0 else float("nan")
def table(x, v, levels):
    n = len(x)
    o = {(a, b): 0 for a in levels for b in levels}
    for a, b in zip(x, v): o[(a, b)] += 1
    return {k: c / n for k, c in o.items()}
def kappa(x, v, levels, wexp):  # fpsim cohenk
    o = table(x, v, levels); rng = max(levels) - min(levels)
    r = {a: sum(o[(a, b)] for b in levels) for a in levels}
    c = {b: sum(o[(a, b)] for a in levels) for b in levels}
    w = lambda a, b: (abs(a - b) / rng) ** wexp
    return 1 - sum(w(a, b) * o[(a, b)] for a in levels for b in levels) / sum(w(a, b) * r[a] * c[b] for a in levels for b in levels)
def spi(x, v, levels):  # fpsim spi, nominal
    n = len(x); po = sum(a == b for a, b in zip(x, v)) / n
    pe = sum(((x.count(a) + v.count(a)) / (2 * n)) ** 2 for a in levels)
    return (po - pe) / (1 - pe)
def piq(x, v, levels):  # squared-distance pi, pooled marginals
    o = table(x, v, levels); n = len(x)
    p = {a: (x.count(a) + v.count(a)) / (2 * n) for a in levels}
    w = lambda a, b: ((a - b) / 3) ** 2
    return 1 - sum(w(a, b) * o[(a, b)] for a in levels for b in levels) / sum(w(a, b) * p[a] * p[b] for a in levels for b in levels)
def amea(x, v, m, sq, w):  # Benati & Capurri A = S(o) - S(e), S(e) over all cross pairs
    ks = [k for k in range(len(x)) if w[k] is not None]
    tot = sum(w[k] for k in ks)
    if tot == 0: return float("nan")
    dist = lambda a, b: (abs(a - b) / m) ** (2 if sq else 1)
    do = sum(w[k] * dist(x[k], v[k]) for k in ks) / tot
    de = sum(w[k] * w[l] * dist(x[k], v[l]) for k in ks for l in ks) / (tot * tot)
    return (1 - 2 * do) - (1 - 2 * de)
def taub(x, v):  # Kendall 1938 / fpsim taub(), all pairs
    con = dis = t1 = t2 = 0
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            dx, dv = x[i] - x[j], v[i] - v[j]
            if dx == 0 and dv == 0: continue
            if dx == 0: t1 += 1
            elif dv == 0: t2 += 1
            elif dx * dv > 0: con += 1
            else: dis += 1
    den = math.sqrt((con + dis + t1) * (con + dis + t2))
    return (con - dis) / den if den else float("nan")
def run(i, j, y, rel):
    mem = [c for c in sorted(spells) if days(c, y)]
    di, dj = days(i, y), days(j, y)
    ks = [k for k in mem if meet(days(k, y), di) and meet(days(k, y), dj)]
    x = [code(i, k, y) for k in ks]; v = [code(j, k, y) for k in ks]
    bx = [min(a, 1) for a in x]; bv = [min(a, 1) for a in v]
    w = [nmc[rel].get((k, y)) for k in ks]
    one = [1.0] * len(ks)
    res = dict(
        sallyvua=S(x, v, 3, False, one), sallyvus=S(x, v, 3, True, one),
        sallybua=S(bx, bv, 1, False, one), sallybus=S(bx, bv, 1, True, one),
        sallyvwa=S(x, v, 3, False, w), sallyvws=S(x, v, 3, True, w),
        sallybwa=S(bx, bv, 1, False, w), sallybws=S(bx, bv, 1, True, w),
        pallyv=spi(x, v, [0, 1, 2, 3]), pallyvq=piq(x, v, [0, 1, 2, 3]), pallyb=spi(bx, bv, [0, 1]),
        kallyv=kappa(x, v, [0, 1, 2, 3], 2), kallyb=kappa(bx, bv, [0, 1], 2), taub=taub(x, v),
        aallyvus=amea(x, v, 3, True, one), aallyvua=amea(x, v, 3, False, one),
        aallybus=amea(bx, bv, 1, True, one), aallybua=amea(bx, bv, 1, False, one),
        aallyvwa=amea(x, v, 3, False, w), aallybwa=amea(bx, bv, 1, False, w))
    tab = {}
    for a, b in zip(x, v): tab[(a, b)] = tab.get((a, b), 0) + 1
    print("%d-%d %d NMC %s: n=%d missing cinc=%d table=%s" % (i, j, y, rel, len(ks), sum(c is None for c in w), sorted(tab.items())))
    for k, val in res.items(): print("  %s %r" % (k, val))
for a in sys.argv[1:]:
    i, j, y, rel = a.split(":"); run(int(i), int(j), int(y), rel)
