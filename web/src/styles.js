/**
 * The widget's styles, adopted by its shadow root as a constructed stylesheet: the host page's CSS cannot reach
 * them, they cannot reach the page, and a page's Content-Security-Policy does not count them as inline style.
 */
const LIGHT = '--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--bubble:#f1f3f5;--accent:#0b57d0;' +
  '--on-accent:#fff;--user:#0b57d0;--on-user:#fff;--error:#b3261e;--tip-bg:#1b1f24;--tip-fg:#fff;--flash:#fff3bf;';
const DARK = '--bg:#16191d;--fg:#e6e8eb;--muted:#a3adb8;--line:#3a4148;--bubble:#242a31;--accent:#8ab4f8;' +
  '--on-accent:#0b1a33;--user:#2a4d8f;--on-user:#fff;--error:#f2b8b5;--tip-bg:#e6e8eb;--tip-fg:#16191d;--flash:#4a3f12;';
export const CSS = `
.root{all:initial;${LIGHT}font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg)}
.root.dark{${DARK}}
@media (prefers-color-scheme:dark){.root.auto{${DARK}}}
.root *,.root *::before,.root *::after{box-sizing:border-box}
[hidden]{display:none!important}
button{font:inherit;color:inherit;cursor:pointer}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.launcher{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:56px;height:56px;border:0;
  border-radius:50%;background:var(--accent);color:var(--on-accent);display:grid;place-items:center;
  box-shadow:0 4px 14px rgba(0,0,0,.3)}
.launcher svg{width:28px;height:28px;fill:currentColor}
.left .launcher{right:auto;left:20px}
.panel{position:fixed;bottom:88px;right:20px;z-index:2147483000;width:min(410px,calc(100vw - 40px));
  height:min(620px,calc(100vh - 108px));display:flex;flex-direction:column;background:var(--bg);color:var(--fg);
  border:1px solid var(--line);border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.28);overflow:hidden}
.left .panel{right:auto;left:20px}
@media (max-width:480px){
  .panel,.left .panel{inset:0;width:auto;height:auto;border:0;border-radius:0}
  .open .launcher{display:none}
}
.head{display:flex;align-items:center;gap:6px;padding:10px 10px 10px 16px;border-bottom:1px solid var(--line)}
.head h2{flex:1;margin:0;font-size:16px;font-weight:650}
.plain{border:1px solid transparent;background:none;border-radius:8px;padding:6px 10px;min-height:36px;font-size:14px}
.plain:hover{border-color:var(--line)}
.log{flex:1;overflow-y:auto;padding:14px 14px 6px;display:flex;flex-direction:column;gap:14px;
  overscroll-behavior:contain}
.msg{max-width:92%;display:flex;flex-direction:column;gap:3px}
.msg.user{align-self:flex-end;align-items:flex-end}
.author{font-size:12px;color:var(--muted)}
.bubble{padding:9px 13px;border-radius:14px;background:var(--bubble);white-space:pre-wrap;overflow-wrap:anywhere}
.user .bubble{background:var(--user);color:var(--on-user)}
.unanswered .bubble{background:none;border:1px dashed var(--line)}
.error .bubble{background:none;border:1px solid var(--error)}
.note{font-size:12px;color:var(--muted)}
.error .note{color:var(--error)}
.pending .bubble:empty::after{content:"Thinking\u2026";color:var(--muted)}
.cite{display:inline-block;min-width:24px;height:24px;margin:0 1px;padding:0 6px;border:1px solid var(--accent);
  border-radius:7px;background:var(--bg);color:var(--accent);font-size:12px;font-weight:650;line-height:22px;
  vertical-align:baseline;text-align:center}
.cite:hover{background:var(--accent);color:var(--on-accent)}
.sources{margin:6px 0 0;font-size:13px}
.sources h3{margin:0 0 4px;font-size:12px;font-weight:650;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.sources ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.sources li{display:flex;gap:8px;align-items:flex-start;border-radius:8px;padding:2px;transition:background .6s}
.sources li.flash{background:var(--flash)}
.source{display:flex;flex-direction:column;gap:2px}
.sources q{color:var(--muted);quotes:"\u201c" "\u201d"}
.sources cite{font-size:12px;font-style:normal;font-weight:600;color:var(--fg)}
.suggestions{display:flex;flex-wrap:wrap;gap:6px}
.suggestions button,.retry{border:1px solid var(--accent);background:none;color:var(--accent);border-radius:16px;
  padding:6px 12px;font-size:13px;text-align:left;min-height:32px}
.suggestions button:hover,.retry:hover{background:var(--accent);color:var(--on-accent)}
.ask{display:flex;gap:8px;padding:10px;border-top:1px solid var(--line);align-items:flex-end}
.ask textarea{flex:1;min-height:40px;max-height:120px;resize:none;font:inherit;color:var(--fg);background:var(--bg);
  border:1px solid var(--muted);border-radius:10px;padding:8px 10px}
.send{border:0;border-radius:10px;background:var(--accent);color:var(--on-accent);padding:0 16px;height:40px;font-weight:600}
.send.stop{background:var(--fg);color:var(--bg)}
.tip{position:fixed;z-index:2147483001;max-width:min(320px,calc(100vw - 16px));padding:8px 10px;border-radius:8px;
  background:var(--tip-bg);color:var(--tip-fg);font-size:13px;line-height:1.4;pointer-events:none;
  box-shadow:0 4px 14px rgba(0,0,0,.3)}
@media (prefers-reduced-motion:reduce){.sources li{transition:none}}
`;
