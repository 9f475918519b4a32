"""What every HTML page shares: escaping, highlighted text, the page shell with inline CSS.

Every piece of article text goes through `esc` before it reaches markup, and pages carry a
Content-Security-Policy that allows only their own script (by hash), so even text that
slipped past escaping could not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import dataclass

KINDS = ("date", "money", "quantity", "count", "percent", "period", "role")

CSS = """
:root{--fg:#1d232a;--muted:#6b7580;--line:#d8dde3;--bg:#fbfbfa;--card:#fff;--err:#b3261e;--warn:#a15c00;
--date:#d7e9ff;--money:#dff3d8;--quantity:#fde7c8;--count:#efe0fb;--percent:#fcdde4;--period:#d9f2f1;--role:#f3efc3}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:.2rem 0}
p.lead{color:var(--muted);max-width:60rem}
table{border-collapse:collapse;margin:.4rem 0 1rem}th,td{border:1px solid var(--line);padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f0f2f4}td.num{text-align:right}tr.zero td{color:var(--muted)}
.grid{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
.badge{display:inline-block;padding:0 .45rem;border-radius:.3rem;font-size:.8rem;font-weight:600;text-transform:uppercase;color:#fff}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}.badge.known{background:#666}
.conflict{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--err);border-radius:.4rem;padding:.8rem 1rem;margin:1rem 0}
.conflict.warning{border-left-color:var(--warn)}
.conflict .rule{color:var(--muted);font-size:.9rem}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(300px,100%),1fr));gap:1rem;margin:.7rem 0}
.side{border:1px solid var(--line);border-radius:.3rem;padding:.6rem .8rem;background:#fcfcfd}
.side.draft{background:#fffbea}
.side .who{font-weight:600;overflow-wrap:anywhere}.side .meta{color:var(--muted);font-size:.85rem;overflow-wrap:anywhere}
blockquote{margin:.5rem 0;padding:.3rem .7rem;border-left:3px solid var(--line);font-family:Georgia,serif}
.value{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
.why{font-size:.9rem}.rationale{color:var(--muted);font-size:.9rem}
mark{background:#ffe27a;padding:0 .1rem;border-radius:.15rem}
mark.disputed,.disputed{outline:2px solid var(--err);outline-offset:1px}
.k-date{background:var(--date)}.k-money{background:var(--money)}.k-quantity{background:var(--quantity)}
.k-count{background:var(--count)}.k-percent{background:var(--percent)}.k-period{background:var(--period)}.k-role{background:var(--role)}
.claim.overlap{text-decoration:underline dotted}
.legend span{display:inline-block;padding:0 .4rem;margin-right:.3rem;border-radius:.2rem;font-size:.85rem}
.article{background:var(--card);border:1px solid var(--line);border-radius:.4rem;margin:.8rem 0;padding:.4rem .9rem}
.article summary{cursor:pointer;font-weight:600;padding:.3rem 0}
.article .meta{color:var(--muted);font-size:.85rem;font-weight:400}
.text{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.65;overflow-wrap:anywhere}
:target{outline:3px solid #1a73e8;outline-offset:2px}[id]{scroll-margin-top:4rem}
a.anchor:target{outline:none}a.anchor:target+mark{outline:3px solid #1a73e8;outline-offset:2px}
.filters{position:sticky;top:0;background:var(--bg);padding:.5rem 0;border-bottom:1px solid var(--line);z-index:1}
.filters label{margin-right:1rem}.filters select{font:inherit}
.muted{color:var(--muted)}
.errors li{font-family:ui-monospace,Menlo,Consolas,monospace}
form textarea{width:100%;min-height:14rem;font:15px/1.5 Georgia,serif;padding:.5rem}
form .row{margin:.5rem 0}button{font:inherit;padding:.3rem 1rem}
.notice{padding:.6rem 1rem;border-radius:.4rem;background:#e8f5e9;border:1px solid #a5d6a7}
.notice.bad{background:#fdecea;border-color:#f5b7b1}
[hidden]{display:none!important}
td,.article summary,h3{overflow-wrap:anywhere}
a:focus-visible,summary:focus-visible,select:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.3rem .6rem;z-index:2}
#overview .counts{font-size:1.2rem}.values ul{margin:.2rem 0 .4rem;padding-left:1.2rem}
.timeline{list-style:none;padding-left:1rem;border-left:3px solid var(--line)}.timeline li{margin:.2rem 0}
.timeline time{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600;margin-right:.4rem}
.more-sides summary{cursor:pointer;color:#1a4fa0;margin:.3rem 0}
@media (max-width:640px){main{padding:.7rem}h1{font-size:1.3rem}.filters label{display:block;margin:.2rem 0}
table{display:block;overflow-x:auto;max-width:100%}.grid{display:block}}
"""


def esc(text: object) -> str:
    """Text as HTML, quotes included, so it is safe in content and in attribute values."""
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of text, in the same offsets as the text it marks."""

    start: int
    end: int
    classes: tuple[str, ...] = ()
    title: str = ""
    anchor: str | None = None


def highlight(text: str, base: int, spans: list[Span]) -> str:
    """`text` (which starts at offset `base`) as escaped HTML with each span wrapped in <mark>.

    Spans may overlap: the text is cut at every span edge and each piece takes the
    classes of the shortest span covering it, so nesting never breaks the markup. One
    sweep over the cuts keeps the spans open at each cut, so the cost grows with the
    spans (times how deeply they overlap), not with their square.
    """
    inside = sorted((s for s in spans if base <= s.start <= s.end <= base + len(text)), key=lambda s: s.start)
    cuts = sorted({base, base + len(text), *(s.start for s in inside), *(s.end for s in inside)})
    out: list[str] = []
    anchors: dict[int, list[str]] = {}
    for s in inside:
        if s.anchor:
            anchors.setdefault(s.start, []).append(s.anchor)
    open_: list[Span] = []
    following = 0
    for a, b in zip(cuts, cuts[1:]):
        out.extend(f'<a class="anchor" id="{esc(name)}"></a>' for name in anchors.pop(a, []))
        while following < len(inside) and inside[following].start <= a:
            open_.append(inside[following])
            following += 1
        open_ = [s for s in open_ if s.end > a]
        piece = esc(text[a - base:b - base])
        if not open_:
            out.append(piece)
            continue
        covering = sorted(open_, key=lambda s: (s.end - s.start, s.start))
        top = covering[0]
        classes = list(top.classes) + (["overlap"] if len(covering) > 1 else [])
        title = "; ".join(dict.fromkeys(s.title for s in covering if s.title))
        out.append(f'<mark class="{esc(" ".join(classes))}" title="{esc(title)}">{piece}</mark>')
    for names in anchors.values():
        out.extend(f'<a class="anchor" id="{esc(name)}"></a>' for name in names)
    return "".join(out)


def page(title: str, body: str, script: str | None = None) -> str:
    """A complete self-contained document; only `script` (by its hash) may run."""
    if script is None:
        script_src, tail = "'none'", ""
    else:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        script_src, tail = f"'sha256-{digest}'", f"<script>{script}</script>\n"
    policy = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src {script_src}; "
              "form-action 'self'; base-uri 'none'")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n{tail}</body>\n</html>\n"
    )


def legend() -> str:
    """The colour of each claim kind, so an editor can read the highlighted article."""
    items = "".join(f'<span class="k-{k}">{k}</span>' for k in KINDS)
    return f'<p class="legend">Claim kinds: {items}<span class="disputed">in a conflict</span></p>'
