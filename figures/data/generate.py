"""Generate the small invented datasets used in the sample book.

Every number in these files is made up. The script uses only the Python
standard library and a fixed seed, so running it again gives byte-identical
CSV files:

    python3 figures/data/generate.py

The datasets:

commute.csv      40 invented commutes: distance (km), departure hour, minutes.
commute_fit.csv  the same trips with the least-squares fitted value and residual.
houses.csv       60 invented house sales: floor area, bedrooms, age, price.
waits.csv        200 invented bus waiting times in minutes (exponential).
heights.csv      150 invented adult heights in cm (normal).
gd_path.csv      gradient-descent iterates on a two-parameter quadratic loss.
gd_losses.csv    loss per iteration of gradient descent for three step sizes.
"""

import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 245


def write_csv(name, header, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(str(v) for v in row) + "\n")


def commute(rng):
    # minutes = 6 + 2.1 * km + (rush-hour penalty) + noise
    rows = []
    for _ in range(40):
        km = round(rng.uniform(1.0, 25.0), 1)
        hour = rng.choice([6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0])
        rush = 4.0 if 7.5 <= hour <= 8.5 else 0.0
        minutes = 6.0 + 2.1 * km + rush + rng.gauss(0.0, 4.0)
        rows.append((km, hour, round(max(minutes, 3.0), 1)))
    rows.sort()
    write_csv("commute.csv", ["distance_km", "departure_hour", "minutes"], rows)
    commute_fit(rows)


def commute_fit(rows):
    # The least-squares line of chapter 1, with each trip's fitted value and residual.
    n = len(rows)
    xs = [r[0] for r in rows]
    ys = [r[2] for r in rows]
    xbar, ybar = sum(xs) / n, sum(ys) / n
    sxy = sum((x - xbar) * (y - ybar) for x, y in zip(xs, ys))
    sxx = sum((x - xbar) ** 2 for x in xs)
    w1 = sxy / sxx
    w0 = ybar - w1 * xbar
    out = []
    for x, y in zip(xs, ys):
        fit = w0 + w1 * x
        out.append((x, y, round(fit, 3), round(y - fit, 3)))
    write_csv("commute_fit.csv", ["distance_km", "minutes", "fitted", "residual"], out)


def houses(rng):
    rows = []
    for _ in range(60):
        area = round(rng.uniform(55, 240))
        bedrooms = max(1, min(6, int(round(area / 40 + rng.gauss(0, 0.6)))))
        age = round(rng.uniform(0, 80))
        price = 40 + 2.6 * area + 12 * bedrooms - 0.9 * age + rng.gauss(0, 35)
        rows.append((area, bedrooms, age, round(price, 1)))
    rows.sort()
    write_csv("houses.csv", ["area_m2", "bedrooms", "age_years", "price_k"], rows)


def waits(rng):
    rows = [(round(rng.expovariate(1 / 7.0), 2),) for _ in range(200)]
    write_csv("waits.csv", ["minutes"], rows)


def heights(rng):
    rows = [(round(rng.gauss(171.0, 8.5), 1),) for _ in range(150)]
    write_csv("heights.csv", ["height_cm"], rows)


def loss(w0, w1):
    # An elongated bowl: the loss surface of chapter 5.
    return (w0 - 3.0) ** 2 + 4.0 * (w1 - 1.0) ** 2 + 1.5 * (w0 - 3.0) * (w1 - 1.0)


def grad(w0, w1):
    return (2.0 * (w0 - 3.0) + 1.5 * (w1 - 1.0),
            8.0 * (w1 - 1.0) + 1.5 * (w0 - 3.0))


def gd_path():
    w0, w1, alpha = -1.0, 3.0, 0.1
    rows = []
    for k in range(26):
        rows.append((k, round(w0, 4), round(w1, 4), round(loss(w0, w1), 4)))
        g0, g1 = grad(w0, w1)
        w0, w1 = w0 - alpha * g0, w1 - alpha * g1
    write_csv("gd_path.csv", ["step", "w0", "w1", "loss"], rows)


def gd_losses():
    rates = [0.02, 0.1, 0.22]
    state = [(-1.0, 3.0) for _ in rates]
    rows = []
    for k in range(31):
        row = [k]
        for i, alpha in enumerate(rates):
            w0, w1 = state[i]
            row.append(round(loss(w0, w1), 4))
            g0, g1 = grad(w0, w1)
            state[i] = (w0 - alpha * g0, w1 - alpha * g1)
        rows.append(row)
    write_csv("gd_losses.csv", ["step", "alpha_0_02", "alpha_0_10", "alpha_0_22"], rows)


def main():
    rng = random.Random(SEED)
    commute(rng)
    houses(rng)
    waits(rng)
    heights(rng)
    gd_path()
    gd_losses()


if __name__ == "__main__":
    main()
