/** The widget's settings, read once from its script tag's data-* attributes (docs/widget.md, "Attributes"). */
export function readSettings(data, scriptSrc, pageUrl) {
  return {
    api: (data.api || new URL(scriptSrc, pageUrl).origin).replace(/\/+$/, ''),
    article: (data.article || '').trim() || null, // an article id: every question is asked of that article alone
    title: data.title || 'Ask the article',
    greeting: data.greeting || 'Ask me about this article. Every answer cites the sentences it rests on.',
    questions: (data.questions || '').split('|').map((q) => q.trim()).filter(Boolean),
    position: data.position === 'left' ? 'left' : 'right',
    open: data.open === '' || data.open === 'true',
    theme: data.theme === 'light' || data.theme === 'dark' ? data.theme : 'auto',
  };
}
