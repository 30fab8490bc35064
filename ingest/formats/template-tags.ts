/**
 * Template tags of static-site generators (Liquid in Jekyll, Jinja, Nunjucks)
 * that notes kept in a site's repository carry: `{% include toc.md %}` and
 * `{% raw %}` on lines of their own, `{{ page.title }}` in a front matter
 * title. They are page machinery, not what was said in the meeting.
 */

/** A line that is only block tags: `{% include x.html %}`, `{%- endraw -%}`. */
const TAG_LINE = /^\s*(?:\{%-?\s[^\n]*?-?%\}\s*)+$/;
/** An opening or closing code fence. */
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Whether a text holds a template expression or tag (`{{ … }}`, `{% … %}`). */
export function hasTemplateTag(text: string): boolean {
  return /\{\{[^\n]*\}\}|\{%[^\n]*%\}/.test(text);
}

/**
 * The text with every line that is only template tags made empty (outside
 * code fences, where such a line is the code shown): same lines, same numbers.
 */
export function blankTemplateTags(text: string): string {
  if (!text.includes('{%')) return text;
  let fence: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      const f = FENCE.exec(line)?.[1];
      if (f && (!fence || (f[0] === fence[0] && f.length >= fence.length))) fence = fence ? undefined : f;
      return !fence && !f && TAG_LINE.test(line) ? '' : line;
    })
    .join('\n');
}
