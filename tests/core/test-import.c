/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "cd-article.h"
#include "cd-article-file.h"
#include "cd-exporter.h"
#include "cd-html-markdown.h"
#include "cd-import-ninjs.h"
#include "cd-json.h"
#include "cd-markdown.h"
#include "cd-test-util.h"

/* Import: the HTML to Markdown converter (exact output for every construct,
 * hostile input, and stability on the corpus in tests/import/html/), the
 * ninjs importer on IPTC's own examples (tests/import/iptc/, see its
 * NOTICE.md), the export → import → export round trip of every fixture
 * article, and malformed documents. */

#define IMAGE_BASE_URL "https://media.example.org/images/"

static char *source_root;

static char *
source_path (const char *first,
             ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, source_root);
  g_ptr_array_add (parts, (gpointer) first);

  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);

  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The files in @folder (below the source root) ending in @suffix, sorted. */
static GPtrArray *
list_files (const char *folder,
            const char *suffix)
{
  g_autofree char *dir_path = source_path (folder, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, suffix))
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }

  /* Sorted, so that the tests run in the same order everywhere. */
  g_ptr_array_sort (paths, compare_paths);
  return g_steal_pointer (&paths);
}

/* Markdown of @html, checked to be stable: rendering it and converting
 * again gives the same Markdown. */
static char *
to_markdown_stable (const char *html,
                    gssize      length)
{
  g_autofree char *markdown = cd_html_to_markdown (html, length);
  g_autofree char *rendered = cd_markdown_to_html (markdown, -1);
  g_autofree char *again = cd_html_to_markdown (rendered, -1);

  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  g_assert_cmpstr (again, ==, markdown);
  g_assert_true (markdown[0] == '\0' || g_str_has_suffix (markdown, "\n"));
  g_assert_false (g_str_has_suffix (markdown, "\n\n"));
  return g_steal_pointer (&markdown);
}

/* HTML to Markdown: exact output */

typedef struct
{
  const char *name;
  const char *html;
  const char *markdown;
} HtmlCase;

static const HtmlCase html_cases[] = {
  /* Text and paragraphs */
  { "empty", "", "" },
  { "blank", "  \n\t ", "" },
  { "only-script", "<script>alert(1)</script>", "" },
  { "paragraph", "<p>Hello world</p>", "Hello world\n" },
  { "two-paragraphs", "<p>One</p> <p>Two</p>", "One\n\nTwo\n" },
  { "bare-text", "Hello <b>there</b>", "Hello **there**\n" },
  { "divs", "<div>One</div><div>Two</div>", "One\n\nTwo\n" },
  { "collapse-spaces", "<p>  a \t  b  </p>", "a b\n" },
  { "soft-break", "<p>a\n     b</p>", "a\nb\n" },
  { "nbsp-kept", "<p>a&nbsp;b</p>", "a\xc2\xa0" "b\n" },
  { "entities", "<p>caf&eacute; &mdash; &#x1F6A2; &lt;&gt;</p>", "café — 🚢 \\<>\n" },

  /* Headings */
  { "headings", "<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>",
    "# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F\n" },
  { "heading-inline", "<h2 id=\"x\">What <em>changed</em></h2>", "## What *changed*\n" },
  { "heading-trailing-hashes", "<h2>Ends ##</h2>", "## Ends \\##\n" },
  { "heading-hash-in-word", "<h3>C#</h3>", "### C#\n" },
  { "heading-break", "<h2>One<br>two</h2>", "## One two\n" },
  { "heading-empty", "<h2></h2>", "##\n" },

  /* Emphasis */
  { "em", "<p><em>a</em> <i>b</i></p>", "*a* *b*\n" },
  { "strong", "<p><strong>a</strong> <b>b</b></p>", "**a** **b**\n" },
  { "del", "<p><del>a</del> <s>b</s> <strike>c</strike></p>", "~~a~~ ~~b~~ ~~c~~\n" },
  { "strong-em", "<p><strong><em>x</em></strong></p>", "**_x_**\n" },
  { "em-strong", "<p><em><strong>x</strong></em></p>", "*__x__*\n" },
  { "adjacent-em", "<p><em>a</em><em>b</em></p>", "*a*_b_\n" },
  { "em-edge-spaces", "<p>x<em> y </em>z</p>", "x *y* z\n" },
  { "em-empty", "<p>a<em></em>b<strong> </strong>c</p>", "ab c\n" },
  { "em-unparsable", "<p>foo<em>.</em>bar</p>", "foo.bar\n" },
  { "em-intraword", "<p>un<em>believ</em>able</p>", "un*believ*able\n" },
  { "em-in-em", "<p><em>a <em>b</em> c</em></p>", "*a b c*\n" },
  { "b-not-bold", "<p><b style=\"font-weight:normal\">plain</b></p>", "plain\n" },
  { "styled-spans",
    "<p><span style=\"font-weight: bold\">b</span> <span style=\"font-style: italic\">i</span> "
    "<span style=\"text-decoration: line-through\">s</span></p>",
    "**b** *i* ~~s~~\n" },
  { "google-docs",
    "<b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\"><p dir=\"ltr\">"
    "<span style=\"font-weight:700\">Bold</span><span style=\"font-weight:400\"> and plain</span>"
    "</p></b>",
    "**Bold** and plain\n" },

  /* Code */
  { "code", "<p><code>x = 1</code></p>", "`x = 1`\n" },
  { "code-backtick", "<p><code>a`b</code></p>", "``a`b``\n" },
  { "code-edge-backtick", "<p><code>`a</code></p>", "`` `a ``\n" },
  { "code-edge-spaces", "<p><code> a </code></p>", "`  a  `\n" },
  { "code-markup", "<p><code>a <b>*b*</b></code></p>", "`a *b*`\n" },
  { "pre-language", "<pre><code class=\"language-python\">print(1)\n</code></pre>",
    "```python\nprint(1)\n```\n" },
  { "pre-backticks", "<pre><code>```\nx\n</code></pre>", "````\n```\nx\n````\n" },
  { "pre-leading-newline", "<pre>\nx\n  y &lt;z&gt;</pre>", "```\nx\n  y <z>\n```\n" },
  { "pre-empty", "<pre><code></code></pre>", "```\n```\n" },

  /* Links */
  { "link", "<p><a href=\"https://example.com/\">Example</a></p>",
    "[Example](https://example.com/)\n" },
  { "link-title", "<a href=\"https://e.com/\" title=\"T &quot;q&quot;\">x</a>",
    "[x](https://e.com/ \"T \\\"q\\\"\")\n" },
  { "link-relative", "<a href=\"/a/b?c=1&amp;d=2\">r</a>", "[r](/a/b?c=1&d=2)\n" },
  { "link-fragment", "<a href=\"#top\">top</a>", "[top](#top)\n" },
  { "link-mailto", "<a href=\"mailto:desk@example.com\">write</a>",
    "[write](mailto:desk@example.com)\n" },
  { "autolink", "<a href=\"https://example.com/x\">https://example.com/x</a>",
    "<https://example.com/x>\n" },
  { "autolink-email", "<a href=\"mailto:desk@example.com\">desk@example.com</a>",
    "<desk@example.com>\n" },
  { "link-parentheses", "<a href=\"https://e.org/a_(b)\">w</a>", "[w](https://e.org/a_\\(b\\))\n" },
  { "link-space", "<a href=\"https://e.org/a b\">s</a>", "[s](https://e.org/a%20b)\n" },
  { "link-javascript", "<p><a href=\"javascript:alert(1)\">click</a> me</p>", "click me\n" },
  { "link-other-schemes",
    "<a href=\" JaVa&#x09;ScRiPt:alert(1)\">a</a> <a href=\"data:text/html,x\">b</a> "
    "<a href=\"vbscript:x\">c</a> <a href=\"file:///etc/passwd\">d</a> "
    "<a href=\"&#106;avascript:x\">e</a>",
    "a b c d e\n" },
  { "link-without-href", "<a name=\"x\">anchor</a>", "anchor\n" },
  { "bang-before-link", "<p>Wow!<a href=\"/x\">y</a></p>", "Wow\\![y](/x)\n" },

  /* Images */
  { "image", "<img src=\"https://e.com/a.png\" alt=\"An [image]\" title=\"T\">",
    "![An \\[image\\]](https://e.com/a.png \"T\")\n" },
  { "image-javascript", "<p>x <img src=\"javascript:alert(1)\" alt=\"alt text\"> y</p>",
    "x alt text y\n" },
  { "image-data", "<p><img src=\"data:image/png;base64,AAAA\" alt=\"inline\"></p>", "inline\n" },
  { "image-in-link", "<a href=\"/big.jpg\"><img src=\"/small.jpg\" alt=\"t\"></a>",
    "[![t](/small.jpg)](/big.jpg)\n" },
  { "figure",
    "<figure><img src=\"/f.jpg\" alt=\"A\"><figcaption>The <em>caption</em></figcaption></figure>",
    "![A](/f.jpg \"The caption\")\n" },
  { "figure-not-image", "<figure><blockquote>Q</blockquote><figcaption>C</figcaption></figure>",
    "> Q\n\nC\n" },

  /* Lists */
  { "ul", "<ul><li>a</li><li>b</li></ul>", "- a\n- b\n" },
  { "ol-start", "<ol start=\"3\"><li>c</li><li>d</li></ol>", "3. c\n4. d\n" },
  { "nested-lists", "<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>",
    "- a\n  - b\n    1. c\n- d\n" },
  { "loose-list", "<ul><li><p>a</p><p>b</p></li><li><p>c</p></li></ul>", "- a\n\n  b\n\n- c\n" },
  { "empty-item", "<ul><li>a</li><li></li></ul>", "- a\n-\n" },
  { "adjacent-lists",
    "<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>",
    "- a\n\n* b\n\n1. c\n\n1) d\n" },
  { "wide-markers", "<ol start=\"9\"><li>nine<ul><li>x</li></ul></li><li>ten</li></ol>",
    "9. nine\n   - x\n10. ten\n" },
  { "late-start-after-text", "<ul><li>a<ol start=\"2\"><li>b</li></ol></li></ul>",
    "- a\n\n  2. b\n" },
  { "list-first-in-item", "<ul><li><ul><li><ul><li>x</li></ul></li></ul></li></ul>", "- * - x\n" },
  { "rule-in-item", "<ul><li><hr></li></ul>", "- ***\n" },
  { "code-in-item", "<ul><li>a<pre><code>x\n\ny\n</code></pre></li></ul>",
    "- a\n  ```\n  x\n\n  y\n  ```\n" },

  /* Quotes, breaks, rules */
  { "blockquote", "<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>",
    "> a\n>\n> > b\n" },
  { "quote-list", "<blockquote><ul><li>x</li></ul></blockquote>", "> - x\n" },
  { "quote-empty", "<blockquote></blockquote>", ">\n" },
  { "line-breaks", "<p>a<br>b<br/></p>", "a\\\nb\n" },
  { "rule", "<p>a</p><hr><p>b</p>", "a\n\n---\n\nb\n" },

  /* Tables */
  { "table",
    "<table><thead><tr><th style=\"text-align: left\">A</th><th style=\"text-align: center\">B</th>"
    "<th align=\"right\">C</th><th>D</th></tr></thead><tbody><tr><td>a|b</td><td><em>x</em></td>"
    "<td>1<br>2</td></tr></tbody></table>",
    "| A | B | C | D |\n| :--- | :---: | ---: | --- |\n| a\\|b | *x* | 1 2 |  |\n" },
  { "table-code-pipe", "<table><tr><th>h</th></tr><tr><td><code>a|b</code></td></tr></table>",
    "| h |\n| --- |\n| `a`\\|`b` |\n" },
  { "table-blocks-in-cell", "<table><tr><td><p>one</p><p>two</p></td></tr></table>",
    "| one two |\n| --- |\n" },

  /* Dropped and unknown elements */
  { "dropped",
    "<head><title>T</title><style>p{}</style></head><p>a<script>alert(1)</script>b"
    "<noscript>n</noscript><template>t</template><iframe src=\"x\"></iframe><object>o</object></p>",
    "ab\n" },
  { "unknown-elements",
    "<p><custom-tag>x</custom-tag> <u>y</u> <span class=\"z\">w</span> <abbr>q</abbr></p>",
    "x y w q\n" },

  /* Escaping */
  { "escape-inline", "<p>a * b _c_ [d] &lt;e&gt; `f` ~g~ \\h</p>",
    "a \\* b \\_c\\_ \\[d] \\<e> \\`f\\` \\~g\\~ \\\\h\n" },
  { "escape-line-start",
    "<p># a</p><p>1. b</p><p>2) c</p><p>- d</p><p>+ e</p><p>&gt; f</p><p>=== g</p>"
    "<p>---</p><p>***</p>",
    "\\# a\n\n1\\. b\n\n2\\) c\n\n\\- d\n\n\\+ e\n\n\\> f\n\n\\=== g\n\n\\---\n\n\\*\\*\\*\n" },
  { "escape-after-break", "<p>a<br># b<br>1. c</p>", "a\\\n\\# b\\\n1\\. c\n" },
  { "escape-after-soft-break", "<p>a\n- b\n= c</p>", "a\n\\- b\n\\= c\n" },
  { "escape-in-item", "<ul><li>1986. A year</li></ul>", "- 1986\\. A year\n" },
  { "no-over-escaping",
    "<p>Hello, world! (Yes.) 50% off; \"q\" 'a' #tag @me C++ 3.14 1-0 snake_case AT&amp;T — x.</p>",
    "Hello, world! (Yes.) 50% off; \"q\" 'a' #tag @me C++ 3.14 1-0 snake_case AT&T — x.\n" },
  { "entity-lookalikes", "<p>&amp;amp; &amp;#123;</p>", "\\&amp; \\&#123;\n" },
  { "no-new-autolinks", "<p>http://e.com www.e.com a@e.com</p>",
    "http\\://e.com www\\.e.com a\\@e.com\n" },
};

static void
test_html_case (gconstpointer data)
{
  const HtmlCase *html_case = data;
  g_autofree char *markdown = to_markdown_stable (html_case->html, -1);

  g_assert_cmpstr (markdown, ==, html_case->markdown);
}

static void
test_html_null_and_length (void)
{
  static const char html[] = "<p>abc</p><p>def</p>";
  g_autofree char *none = cd_html_to_markdown (NULL, -1);
  g_autofree char *first = cd_html_to_markdown (html, strlen ("<p>abc</p>"));
  g_autofree char *zero = cd_html_to_markdown (html, 0);

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (first, ==, "abc\n");
  g_assert_cmpstr (zero, ==, "");
}

static void
test_html_invalid_utf8 (void)
{
  /* A NUL byte and an invalid byte inside the text. */
  static const char html[] = "<p>a\0b\xff" "c</p>";
  g_autofree char *markdown = cd_html_to_markdown (html, sizeof html - 1);

  g_assert_cmpstr (markdown, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\n");
}

static char *
nested (const char *open,
        const char *close,
        guint       depth,
        const char *text)
{
  GString *html = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (html, open);
  g_string_append (html, text);
  for (guint i = 0; i < depth; i++)
    g_string_append (html, close);

  return g_string_free (html, FALSE);
}

static guint
count_prefix (const char *line,
              const char *prefix)
{
  guint n = 0;

  while (g_str_has_prefix (line, prefix))
    {
      line += strlen (prefix);
      n++;
    }

  return n;
}

/* Hostile nesting, 100,000 levels deep, of every kind of element the
 * converter treats differently: no crash, valid and stable output. */
static void
test_html_deep_nesting (void)
{
  static const struct
  {
    const char *open;
    const char *close;
  } kinds[] = {
    { "<div>", "</div>" },
    { "<blockquote>", "</blockquote>" },
    { "<ul><li>", "</li></ul>" },
    { "<ol><li><p>", "</p></li></ol>" },
    { "<em>", "</em>" },
    { "<strong><em>", "</em></strong>" },
    { "<a href=\"/x\">", "</a>" },
    { "<span>", "</span>" },
    { "<b><p>", "</p></b>" },
    { "<table><tr><td>", "</td></tr></table>" },
    { "<h2>", "</h2>" },
    { "<pre>", "</pre>" },
    { "<figure>", "</figure>" },
    { "<dl><dd>", "</dd></dl>" },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *html = nested (kinds[i].open, kinds[i].close, 100000, "deep text");
      g_autofree char *markdown = to_markdown_stable (html, -1);
      g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);

      g_test_message ("%s: %zu bytes of Markdown", kinds[i].open, strlen (markdown));

      /* Quotes and list items nest at most 32 deep in the Markdown. */
      for (size_t j = 0; lines[j] != NULL; j++)
        {
          g_assert_cmpuint (count_prefix (lines[j], "> "), <=, 32);
          g_assert_cmpuint (strlen (lines[j]), <, 4096);
        }
    }
}

/* Within libxml2's own limit of 256 levels, deep content keeps its text:
 * past 128 levels as plain text, and quotes past 32 levels flattened. */
static void
test_html_deep_but_parsed (void)
{
  g_autofree char *spans = nested ("<span>", "</span>", 200, "deep <b>text</b>");
  g_autofree char *quotes = nested ("<blockquote>", "</blockquote>", 200, "deep text");
  g_autofree char *from_spans = to_markdown_stable (spans, -1);
  g_autofree char *from_quotes = to_markdown_stable (quotes, -1);

  g_assert_cmpstr (from_spans, ==, "deep text\n");
  g_assert_cmpuint (count_prefix (from_quotes, "> "), ==, 32);
  g_assert_true (g_str_has_suffix (from_quotes, "> deep text\n"));
}

/* Many emphasis spans that CommonMark cannot parse where they stand are
 * all dropped, in one paragraph, without stray asterisks. */
static void
test_html_many_unparsable_emphasis (void)
{
  g_autoptr(GString) html = g_string_new ("<p>");
  g_autofree char *markdown = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (html, "x<em>.</em>y ");
  g_string_append (html, "</p>");

  markdown = to_markdown_stable (html->str, html->len);
  g_assert_null (strchr (markdown, '*'));
  g_assert_null (strchr (markdown, '_'));
  g_assert_true (g_str_has_prefix (markdown, "x.y x.y "));
}

static void
test_html_script_and_handlers (void)
{
  g_autofree char *markdown = to_markdown_stable (
    "<p onclick=\"alert(1)\">Click <a href=\"javascript:alert(document.cookie)\">here</a>"
    "<script>document.write('injected')</script>.</p>"
    "<svg><script>alert(2)</script><text>svg</text></svg><style>p{}</style>"
    "<img src=\"x\" onerror=\"alert(3)\" alt=\"\">", -1);

  g_assert_cmpstr (markdown, ==, "Click here.\n\n![](x)\n");
}

/* Every HTML snippet in tests/import/html converts to Markdown that is
 * stable, and not empty. */
static void
test_html_corpus (void)
{
  g_autoptr(GPtrArray) paths = list_files ("tests/import/html", ".html");

  g_assert_cmpuint (paths->len, >=, 20);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *html = NULL;
      g_autofree char *markdown = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_test_message ("%s", path);
      g_file_get_contents (path, &html, &length, &error);
      g_assert_no_error (error);

      markdown = to_markdown_stable (html, length);
      g_assert_cmpstr (markdown, !=, "");
    }
}

/* Loads every fixture article of tests/articles and data/sample. */
static GPtrArray *
fixture_paths (void)
{
  g_autoptr(GPtrArray) paths = list_files ("tests/articles", ".copydesk");
  g_autoptr(GPtrArray) samples = list_files ("data/sample", ".copydesk");

  for (guint i = 0; i < samples->len; i++)
    g_ptr_array_add (paths, g_strdup (g_ptr_array_index (samples, i)));

  g_assert_cmpuint (paths->len, >=, 8);
  return g_steal_pointer (&paths);
}

static CdArticle *
load_article (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CdArticle *article = cd_article_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

/* The HTML our renderer makes of each fixture's body comes back as
 * Markdown that renders to the very same HTML. */
static void
test_html_fixture_bodies (void)
{
  g_autoptr(GPtrArray) paths = fixture_paths ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(CdArticle) article = load_article (g_ptr_array_index (paths, i));
      g_autofree char *html = cd_markdown_to_html (cd_article_get_body (article), -1);
      g_autofree char *markdown = to_markdown_stable (html, -1);
      g_autofree char *again = cd_markdown_to_html (markdown, -1);

      g_test_message ("%s", (const char *) g_ptr_array_index (paths, i));
      g_assert_cmpstr (again, ==, html);
    }
}

/* ninjs: IPTC's examples */

typedef struct
{
  const char *path;        /* below tests/import/iptc */
  const char *headline;
  const char *body;        /* where the body is in the document, or NULL */
  const char *caption;     /* where the image caption is, or NULL for none */
  const char *source;      /* where the image address is, or NULL for no image */
  guint       n_subjects;
} IptcCase;

#define DOC_22 "documentation/includes/examples/2.2/"
#define DOC_16 "documentation/includes/examples/1.6/"
#define PASS_21 "validation/test_suite/2.1/should_pass/"
#define PASS_22 "validation/test_suite/2.2/should_pass/"
#define CAPTAIN "Captain of wrecked cruise ship on trial in Italy"
#define DELL "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most " \
             "Powerful Rack Workstations"

static const IptcCase iptc_cases[] = {
  { DOC_22 "001_simple_example.json", CAPTAIN, "bodies/0/value", NULL, NULL, 0 },
  { DOC_22 "002_renditions_example.json", "", "bodies/0/value", NULL, NULL, 0 },
  { DOC_22 "003_associations_example.json", DELL, "bodies/0/value", NULL, "associations/1/uri", 0 },
  { DOC_22 "004_simple_text_article.json", CAPTAIN, "bodies/1/value", NULL, NULL, 0 },
  { DOC_22 "005_complex_text_article.json", CAPTAIN, "bodies/1/value", NULL, NULL, 0 },
  { DOC_22 "006_photo_only.json", "Costa Concordia cruise ship", NULL,
    "descriptions/0/value", "renditions/0/href", 0 },
  { DOC_22 "007_multimedia.json", CAPTAIN, "bodies/1/value",
    "associations/0/descriptions/0/value", "associations/0/renditions/0/href", 0 },
  { DOC_16 "001_simple_example.json", CAPTAIN, "body_main", NULL, NULL, 0 },
  { DOC_16 "002_renditions_example.json", "", "body_main", NULL, NULL, 0 },
  { DOC_16 "003_associations_example.json", DELL, "body_richtext", NULL, "associations/photo/uri",
    0 },
  { DOC_16 "004_simple_text_article.json", CAPTAIN, "body_richtext", NULL, NULL, 0 },
  { DOC_16 "005_complex_text_article.json", CAPTAIN, "body_richtext", NULL, NULL, 0 },
  { DOC_16 "006_photo_only.json", "Costa Concordia cruise ship", NULL,
    "description_text", "renditions/main/href", 0 },
  { DOC_16 "007_multimedia.json", CAPTAIN, "body_richtext",
    "associations/mainpic/description_text", "associations/mainpic/renditions/main/href", 0 },
  { PASS_21 "001_ninjs_example.json", "Test of ninjs 2.1 properties", NULL, NULL, NULL, 0 },
  { PASS_21 "002_schema.json", "", NULL, NULL, NULL, 0 },
  { PASS_21 "003_schema_only.json", "", NULL, NULL, NULL, 0 },
  { PASS_21 "004_headlines.json", "Test of headline property", NULL, NULL, NULL, 0 },
  { PASS_21 "005_altids.json", "", NULL, NULL, NULL, 0 },
  { PASS_21 "006_genre.json", "test headline", NULL, NULL, NULL, 0 },
  { PASS_21 "007_trust_indicator.json", "test headline", NULL, NULL, NULL, 0 },
  { PASS_21 "009_rights.json", "", NULL, NULL, NULL, 0 },
  { PASS_21 "010_geojson.json", "Turkey Islamic State", NULL,
    "descriptions/1/value", "renditions/0/href", 3 },
  { PASS_21 "011_contactinfo.json", "Turkey Islamic State", NULL,
    "descriptions/1/value", "uri", 0 },
  { PASS_21 "012_subject_confidence_relevance.json", "", NULL, NULL, NULL, 1 },
  { PASS_21 "013_org_symbol.json", "", NULL, NULL, NULL, 0 },
  { PASS_21 "014_expires.json", "Test of three new properties", NULL, NULL, NULL, 0 },
  { PASS_22 "001_good_digital_source.json", "", NULL, NULL, NULL, 0 },
};

/* Follows a path such as "associations/0/renditions/main/href" into a
 * JSON document. */
static JsonNode *
json_at (JsonNode   *node,
         const char *path)
{
  g_auto(GStrv) steps = g_strsplit (path, "/", -1);

  for (size_t i = 0; steps[i] != NULL; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          guint64 index = g_ascii_strtoull (steps[i], NULL, 10);

          g_assert_cmpuint (index, <, json_array_get_length (json_node_get_array (node)));
          node = json_array_get_element (json_node_get_array (node), index);
        }
      else
        {
          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
          node = json_object_get_member (json_node_get_object (node), steps[i]);
          g_assert_nonnull (node);
        }
    }

  return node;
}

static const char *
json_string_at (JsonNode   *root,
                const char *path)
{
  JsonNode *node = json_at (root, path);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

static char *
without_space (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The text a reader sees in an HTML fragment. */
static char *
html_text (const char *html)
{
  htmlDocPtr doc = htmlReadMemory (html, (int) strlen (html), NULL, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  xmlChar *content;
  char *text;

  g_assert_nonnull (doc);
  content = xmlNodeGetContent (xmlDocGetRootElement (doc));
  text = g_strdup ((const char *) content);
  xmlFree (content);
  xmlFreeDoc (doc);
  return text;
}

static void
test_iptc_example (gconstpointer data)
{
  const IptcCase *iptc = data;
  g_autofree char *path = source_path ("tests/import/iptc", iptc->path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  CdImage *image;
  GListModel *tags;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  root = cd_json_parse (contents, length, path, 0, &error);
  g_assert_no_error (error);

  article = cd_ninjs_import_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);

  g_assert_cmpstr (cd_article_get_id (article), ==, json_string_at (root, "uri"));
  g_assert_cmpstr (cd_article_get_headline (article), ==, iptc->headline);

  if (iptc->body != NULL)
    {
      const char *value = json_string_at (root, iptc->body);
      JsonNode *type = NULL;
      g_autofree char *body_text = cd_markdown_to_plain_text (cd_article_get_body (article), -1);
      g_autofree char *expected = NULL;
      g_autofree char *got = without_space (body_text);
      g_autofree char *container = g_path_get_dirname (iptc->body);

      if (strcmp (container, ".") != 0)
        type = json_object_get_member (json_node_get_object (json_at (root, container)),
                                       "contenttype");

      if ((type != NULL && strstr (json_node_get_string (type), "html") != NULL) ||
          g_str_has_suffix (iptc->body, "richtext"))
        {
          g_autofree char *text = html_text (value);

          expected = without_space (text);
        }
      else
        {
          expected = without_space (value);
        }

      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpuint (strlen (got), >, 0);
    }
  else
    {
      g_assert_cmpstr (cd_article_get_body (article), ==, "");
    }

  image = cd_article_get_image (article);
  if (iptc->source != NULL)
    g_assert_cmpstr (cd_image_get_source (image), ==, json_string_at (root, iptc->source));
  else
    g_assert_false (cd_image_is_set (image));

  if (iptc->caption != NULL)
    g_assert_cmpstr (cd_image_get_caption (image), ==, json_string_at (root, iptc->caption));
  else
    g_assert_cmpstr (cd_image_get_caption (image), ==, "");

  tags = cd_article_get_tags (article);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, iptc->n_subjects);
  for (guint i = 0; i < iptc->n_subjects; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      g_autofree char *name_path = g_strdup_printf ("subjects/%u/name", i);
      g_autofree char *literal_path = g_strdup_printf ("subjects/%u/literal", i);

      g_assert_cmpstr (cd_tag_get_name (tag), ==, json_string_at (root, name_path));
      g_assert_cmpstr (cd_tag_get_code (tag), ==, json_string_at (root, literal_path));
    }
}

/* Every copied example is in the table above, so none is skipped. */
static void
test_iptc_all_listed (void)
{
  const char * const folders[] = {
    "tests/import/iptc/" DOC_22, "tests/import/iptc/" DOC_16,
    "tests/import/iptc/" PASS_21, "tests/import/iptc/" PASS_22,
  };
  guint n = 0;

  for (size_t f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr(GPtrArray) paths = list_files (folders[f], ".json");

      for (guint i = 0; i < paths->len; i++)
        {
          g_autofree char *name = g_path_get_basename (g_ptr_array_index (paths, i));
          g_autofree char *relative = g_strconcat (folders[f] + strlen ("tests/import/iptc/"),
                                                   name, NULL);
          gboolean listed = FALSE;

          for (size_t c = 0; c < G_N_ELEMENTS (iptc_cases); c++)
            listed |= strcmp (iptc_cases[c].path, relative) == 0;

          g_assert_true (listed);
          n++;
        }
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (iptc_cases));
}

/* ninjs: export → import → export */

static CdExporter *
ninjs_exporter (void)
{
  CdExporter *exporter = cd_exporters_lookup ("ninjs");

  g_assert_nonnull (exporter);
  return exporter;
}

static char *
export_ninjs (CdArticle  *article,
              const char *article_dir)
{
  CdExportOptions options = { CD_EXPORT_IMAGE_BASE_URL, IMAGE_BASE_URL, article_dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = cd_exporter_export (ninjs_exporter (), article, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static CdArticle *
import_text (const char *ninjs,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  CdArticle *article = cd_ninjs_import_from_data (ninjs, strlen (ninjs), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) paths = fixture_paths ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(CdArticle) article = load_article (path);
      g_autofree char *dir = g_path_get_dirname (path);
      /* Without the article's folder the exporter cannot read the image
       * file's pixel size, which the article does not hold and so an
       * import cannot give back. */
      g_autofree char *first = export_ninjs (article, NULL);
      g_autoptr(CdArticle) imported = import_text (first, "first.json");
      g_autofree char *second = export_ninjs (imported, NULL);
      g_autoptr(CdArticle) again = import_text (second, "second.json");
      g_autofree char *third = export_ninjs (again, NULL);
      g_autofree char *saved = NULL;
      g_autoptr(CdArticle) reloaded = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_test_message ("%s", path);
      g_assert_cmpstr (second, ==, first);
      g_assert_cmpstr (third, ==, first);

      /* What the article and the ninjs share survives. */
      g_assert_cmpstr (cd_article_get_id (imported), ==, cd_article_get_id (article));
      g_assert_cmpstr (cd_article_get_headline (imported), ==, cd_article_get_headline (article));
      g_assert_cmpstr (cd_article_get_slug (imported), ==, cd_article_get_slug (article));
      g_assert_cmpint (cd_article_get_slug_edited (imported), ==,
                       cd_article_get_slug_edited (article));
      g_assert_cmpstr (cd_article_get_byline (imported), ==, cd_article_get_byline (article));
      g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (imported)), ==,
                        g_list_model_get_n_items (cd_article_get_tags (article)));

      /* An imported article can be saved and opened again. */
      saved = cd_article_to_data (imported, &length);
      reloaded = cd_article_load_from_data (saved, length, "imported.copydesk", &error);
      g_assert_no_error (error);
      g_assert_nonnull (reloaded);
    }
}

/* In a bundle the image is the file beside the export, named by the
 * rendition's title. */
static void
test_round_trip_bundle (void)
{
  g_autofree char *path = source_path ("data", "sample", "harbour-ferry.copydesk", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(CdArticle) article = load_article (path);
  CdExportOptions options = { CD_EXPORT_IMAGE_BUNDLE, NULL, dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = cd_exporter_export (ninjs_exporter (), article, &options, &error);
  g_autoptr(CdArticle) imported = NULL;
  CdImage *image;

  g_assert_no_error (error);
  imported = cd_ninjs_import_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        "bundle.json", &error);
  g_assert_no_error (error);

  image = cd_article_get_image (imported);
  g_assert_cmpstr (cd_image_get_source (image), ==, "harbour-ferry.jpg");
  g_assert_cmpstr (cd_image_get_caption (image), ==,
                   cd_image_get_caption (cd_article_get_image (article)));
  g_assert_cmpstr (cd_image_get_alt (image), ==, cd_image_get_alt (cd_article_get_image (article)));
}

/* ninjs: the mapping, field by field */

static void
assert_date (GDateTime  *date_time,
             const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (date_time);
  text = cd_date_time_to_string (date_time);
  g_assert_cmpstr (text, ==, expected);
}

static const char full_ninjs_2[] =
  "{\n"
  "  \"uri\": \"urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427\",\n"
  "  \"standard\": { \"name\": \"ninjs\", \"version\": \"2.2\" },\n"
  "  \"type\": \"text\",\n"
  "  \"version\": \"1\",\n"
  "  \"pubstatus\": \"canceled\",\n"
  "  \"contentcreated\": \"2026-11-01T08:00:00+05:30\",\n"
  "  \"firstcreated\": \"2026-11-02T09:00:00Z\",\n"
  "  \"versioncreated\": \"2026-11-03T10:00:00.25-04:00\",\n"
  "  \"embargoed\": \"2026-11-02T00:00:00\",\n"
  "  \"language\": \"de\",\n"
  "  \"slugline\": \"my-own-slug\",\n"
  "  \"located\": \"Berlin\",\n"
  "  \"by\": \"By Somebody Else\",\n"
  "  \"people\": [\n"
  "    { \"name\": \"Anna Schmidt\", \"rel\": \"author\", \"uri\": \"https://example.com/anna\",\n"
  "      \"contactinfo\": [ { \"type\": \"web\", \"value\": \"https://x\" },\n"
  "                         { \"type\": \"email\", \"value\": \"mailto:anna@example.com\" } ] },\n"
  "    { \"name\": \"Olaf Scholz\", \"rel\": \"about\" },\n"
  "    { \"name\": \"Ben Braun\", \"rel\": \"http://cv.example.org/role/author\" }\n"
  "  ],\n"
  "  \"headlines\": [ { \"role\": \"sub\", \"value\": \"Not this\" },\n"
  "                   { \"role\": \"main\", \"value\": \"Ein Titel\" } ],\n"
  "  \"descriptions\": [ { \"role\": \"caption\", \"value\": \"Not the standfirst\" },\n"
  "                      { \"role\": \"summary\", \"value\": \"Der Vorspann\" } ],\n"
  "  \"subjects\": [\n"
  "    { \"name\": \"politics\",\n"
  "      \"uri\": \"https://cv.iptc.org/newscodes/mediatopic/11000000\" },\n"
  "    { \"name\": \"elections\", \"literal\": \"medtop:20000065\" },\n"
  "    { \"name\": \"Local\", \"uri\": \"https://tags.example.com/local\",\n"
  "      \"literal\": \"ex:local\" },\n"
  "    { \"literal\": \"nameless\" },\n"
  "    { \"name\": \"Free tag\" }\n"
  "  ],\n"
  "  \"ednote\": \"Check the figures\",\n"
  "  \"bodies\": [\n"
  "    { \"role\": \"main\", \"contenttype\": \"text/plain\", \"value\": \"Plain *text*\" },\n"
  "    { \"role\": \"main\", \"contenttype\": \"text/html\",\n"
  "      \"value\": \"<p>Erster <strong>Absatz</strong>.</p><ul><li>eins</li></ul>\" }\n"
  "  ],\n"
  "  \"associations\": [\n"
  "    { \"name\": \"logo\", \"type\": \"graphic\", \"uri\": \"https://example.com/logo.png\" },\n"
  "    { \"name\": \"featureimage\", \"type\": \"picture\",\n"
  "      \"uri\": \"https://example.com/photo\",\n"
  "      \"by\": \"Petra Foto\", \"copyrightholder\": \"Agentur\",\n"
  "      \"copyrightnotice\": \"© 2026 Agentur\",\n"
  "      \"descriptions\": [ { \"role\": \"alt\", \"value\": \"Alt text\" },\n"
  "                          { \"role\": \"caption\", \"value\": \"Die Bildunterschrift\" },\n"
  "                          { \"role\": \"creditline\", \"value\": \"Foto: Agentur\" } ],\n"
  "      \"renditions\": [\n"
  "        { \"name\": \"thumb\", \"href\": \"https://example.com/t.jpg\", \"width\": 100 },\n"
  "        { \"name\": \"original\", \"href\": \"https://example.com/o.jpg\", \"width\": 50 } ] }\n"
  "  ]\n"
  "}\n";

static void
test_mapping_2 (void)
{
  g_autoptr(CdArticle) article = import_text (full_ninjs_2, "full.json");
  GListModel *authors = cd_article_get_authors (article);
  GListModel *tags = cd_article_get_tags (article);
  CdImage *image = cd_article_get_image (article);
  g_autoptr(CdAuthor) anna = NULL;
  g_autoptr(CdAuthor) ben = NULL;
  static const char * const tag_expectations[][3] = {
    { "politics", "http://cv.iptc.org/newscodes/mediatopic/11000000", "medtop:11000000" },
    { "elections", "http://cv.iptc.org/newscodes/mediatopic/20000065", "medtop:20000065" },
    { "Local", "https://tags.example.com/local", "ex:local" },
    { "nameless", "", "nameless" },
    { "Free tag", "", "" },
  };

  g_assert_cmpstr (cd_article_get_id (article), ==,
                   "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_KILLED);
  assert_date (cd_article_get_created (article), "2026-11-01T08:00:00+05:30");
  assert_date (cd_article_get_published (article), "2026-11-02T09:00:00Z");
  assert_date (cd_article_get_modified (article), "2026-11-03T10:00:00.25-04:00");
  /* Without an offset: UTC. */
  assert_date (cd_article_get_embargo (article), "2026-11-02T00:00:00Z");
  g_assert_cmpstr (cd_article_get_language (article), ==, "de");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ein Titel");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "my-own-slug");
  g_assert_true (cd_article_get_slug_edited (article));
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "Berlin");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==, "Der Vorspann");
  g_assert_cmpstr (cd_article_get_editor_note (article), ==, "Check the figures");
  g_assert_cmpstr (cd_article_get_body (article), ==, "Erster **Absatz**.\n\n- eins\n");

  /* Authors: the people with rel author, not `by`, not the subject. */
  g_assert_cmpuint (g_list_model_get_n_items (authors), ==, 2);
  anna = g_list_model_get_item (authors, 0);
  ben = g_list_model_get_item (authors, 1);
  g_assert_cmpstr (cd_author_get_name (anna), ==, "Anna Schmidt");
  g_assert_cmpstr (cd_author_get_url (anna), ==, "https://example.com/anna");
  g_assert_cmpstr (cd_author_get_email (anna), ==, "anna@example.com");
  g_assert_cmpstr (cd_author_get_name (ben), ==, "Ben Braun");

  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, G_N_ELEMENTS (tag_expectations));
  for (guint i = 0; i < G_N_ELEMENTS (tag_expectations); i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);

      g_assert_cmpstr (cd_tag_get_name (tag), ==, tag_expectations[i][0]);
      g_assert_cmpstr (cd_tag_get_uri (tag), ==, tag_expectations[i][1]);
      g_assert_cmpstr (cd_tag_get_code (tag), ==, tag_expectations[i][2]);
    }

  /* The featureimage, not the logo; the "original" rendition. */
  g_assert_cmpstr (cd_image_get_source (image), ==, "https://example.com/o.jpg");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "Die Bildunterschrift");
  g_assert_cmpstr (cd_image_get_alt (image), ==, "Alt text");
  g_assert_cmpstr (cd_image_get_credit (image), ==, "Foto: Agentur");
  g_assert_cmpstr (cd_image_get_photographer (image), ==, "Petra Foto");
  g_assert_cmpstr (cd_image_get_copyright (image), ==, "© 2026 Agentur");
}

static void
test_mapping_1 (void)
{
  static const char ninjs_1[] =
    "{ \"uri\": \"http://example.com/1\", \"type\": \"text\",\n"
    "  \"byline\": \"by Jane Doe, Staff Writer\",\n"
    "  \"headline\": \"Old style\",\n"
    "  \"description_text\": \"A summary\",\n"
    "  \"body_text\": \"First line\\nsecond line\\n\\nSecond * paragraph\",\n"
    "  \"subject\": [\n"
    "    { \"name\": \"sport\", \"scheme\": \"http://cv.iptc.org/newscodes/mediatopic/\",\n"
    "      \"code\": \"15000000\" },\n"
    "    { \"name\": \"Other\", \"scheme\": \"http://example.com/v/\", \"code\": \"x1\" } ],\n"
    "  \"associations\": { \"pic\": { \"type\": \"picture\", \"byline\": \"Photog\",\n"
    "      \"description_text\": \"Caption one\",\n"
    "      \"renditions\": {\n"
    "        \"small\": { \"href\": \"http://example.com/s.jpg\", \"width\": 10 },\n"
    "        \"large\": { \"href\": \"http://example.com/l.jpg\", \"width\": 1000 } } } } }";
  g_autoptr(CdArticle) article = import_text (ninjs_1, "old.json");
  g_autoptr(CdAuthor) author = g_list_model_get_item (cd_article_get_authors (article), 0);
  GListModel *tags = cd_article_get_tags (article);
  g_autoptr(CdTag) sport = g_list_model_get_item (tags, 0);
  g_autoptr(CdTag) other = g_list_model_get_item (tags, 1);
  CdImage *image = cd_article_get_image (article);

  g_assert_cmpstr (cd_article_get_headline (article), ==, "Old style");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==, "A summary");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "First line\\\nsecond line\n\nSecond \\* paragraph\n");
  /* The byline is one author, not split at the comma. */
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_authors (article)), ==, 1);
  g_assert_cmpstr (cd_author_get_name (author), ==, "Jane Doe, Staff Writer");
  g_assert_cmpstr (cd_tag_get_code (sport), ==, "medtop:15000000");
  g_assert_cmpstr (cd_tag_get_uri (sport), ==, "http://cv.iptc.org/newscodes/mediatopic/15000000");
  g_assert_cmpstr (cd_tag_get_uri (other), ==, "http://example.com/v/x1");
  g_assert_cmpstr (cd_tag_get_code (other), ==, "x1");
  /* The widest rendition, when none has a known name. */
  g_assert_cmpstr (cd_image_get_source (image), ==, "http://example.com/l.jpg");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "Caption one");
  g_assert_cmpstr (cd_image_get_photographer (image), ==, "Photog");
}

static void
test_mapping_status (void)
{
  static const struct
  {
    const char      *pubstatus;
    CdArticleStatus  status;
  } cases[] = {
    { "\"usable\"", CD_ARTICLE_STATUS_APPROVED },
    { "\"withheld\"", CD_ARTICLE_STATUS_DRAFT },
    { "\"canceled\"", CD_ARTICLE_STATUS_KILLED },
    { "null", CD_ARTICLE_STATUS_DRAFT },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ninjs = g_strdup_printf ("{\"uri\": \"u\", \"headline\": \"h\", "
                                                "\"pubstatus\": %s}",
                                                cases[i].pubstatus);
      g_autoptr(CdArticle) article = import_text (ninjs, "status.json");

      g_assert_cmpint (cd_article_get_status (article), ==, cases[i].status);
    }
}

static void
test_mapping_dates (void)
{
  g_autoptr(CdArticle) dated = import_text (
    "{\"uri\": \"u\", \"headline\": \"h\", \"firstcreated\": \"2026-05-01\"}", "dates.json");
  g_autoptr(CdArticle) modified_only = import_text (
    "{\"uri\": \"u\", \"headline\": \"h\", \"versioncreated\": \"2026-05-02T03:04:05+02:00\"}",
    "dates.json");
  g_autoptr(CdArticle) undated = import_text ("{\"uri\": \"u\", \"headline\": \"h\"}",
                                              "dates.json");

  /* A date alone is midnight UTC; a missing creation date falls back. */
  assert_date (cd_article_get_published (dated), "2026-05-01T00:00:00Z");
  assert_date (cd_article_get_created (dated), "2026-05-01T00:00:00Z");
  assert_date (cd_article_get_modified (dated), "2026-05-01T00:00:00Z");
  assert_date (cd_article_get_created (modified_only), "2026-05-02T03:04:05+02:00");
  g_assert_null (cd_article_get_published (modified_only));
  g_assert_nonnull (cd_article_get_created (undated));
  g_assert_nonnull (cd_article_get_modified (undated));
  g_assert_null (cd_article_get_embargo (undated));
}

static void
test_mapping_picture (void)
{
  g_autoptr(CdArticle) article = import_text (
    "{\"uri\": \"https://example.com/p\", \"type\": \"picture\", \"by\": \"Photog\",\n"
    " \"headlines\": [{\"value\": \"A <b>photo</b>\", \"contenttype\": \"text/html\"}],\n"
    " \"descriptions\": [{\"role\": \"text\", \"value\": \"What it shows\"}],\n"
    " \"renditions\": [{\"name\": \"preview\", \"href\": \"https://example.com/p.jpg\"}]}",
    "picture.json");
  CdImage *image = cd_article_get_image (article);

  g_assert_cmpstr (cd_article_get_headline (article), ==, "A photo");
  /* A picture's description is its caption, not a standfirst. */
  g_assert_cmpstr (cd_article_get_standfirst (article), ==, "");
  g_assert_cmpstr (cd_image_get_source (image), ==, "https://example.com/p.jpg");
  g_assert_cmpstr (cd_image_get_caption (image), ==, "What it shows");
  g_assert_cmpstr (cd_image_get_photographer (image), ==, "Photog");
}

/* ninjs: malformed documents */

typedef struct
{
  const char    *name;
  const char    *data;
  CdImportError  code;
  const char    *message;  /* a part of the message */
} MalformedCase;

static const MalformedCase malformed_cases[] = {
  { "empty", "", CD_IMPORT_ERROR_SYNTAX, "empty.json" },
  { "not-json", "<html>not json</html>", CD_IMPORT_ERROR_SYNTAX, "not-json.json:1:1" },
  { "truncated", "{\"uri\": \"x\",", CD_IMPORT_ERROR_SYNTAX, "truncated.json:1:" },
  { "duplicate-key", "{\"uri\": \"x\", \"uri\": \"y\"}", CD_IMPORT_ERROR_SYNTAX,
    "duplicate-key.json:1:" },
  { "comment", "{\"uri\": \"x\" /* c */}", CD_IMPORT_ERROR_SYNTAX, "comment.json:1:" },
  { "array", "[{\"uri\": \"x\"}]", CD_IMPORT_ERROR_NOT_NINJS, "a list, not an object" },
  { "string", "\"uri\"", CD_IMPORT_ERROR_NOT_NINJS, "text, not an object" },
  { "null", "null", CD_IMPORT_ERROR_NOT_NINJS, "null, not an object" },
  { "no-uri", "{\"headlines\": [{\"value\": \"x\"}]}", CD_IMPORT_ERROR_NOT_NINJS, "no “uri”" },
  { "copydesk", "{\"format\": \"copydesk-article\", \"version\": 1}", CD_IMPORT_ERROR_NOT_NINJS,
    "Copydesk article" },
  { "uri-number", "{\"uri\": 5}", CD_IMPORT_ERROR_INVALID, "“uri” must be text, not a number" },
  { "uri-empty", "{\"uri\": \"\", \"headline\": \"h\"}", CD_IMPORT_ERROR_INVALID,
    "“uri” is empty" },
  { "headlines-string", "{\"uri\": \"u\", \"headlines\": \"x\"}", CD_IMPORT_ERROR_INVALID,
    "“headlines” must be a list, not text" },
  { "headline-number", "{\"uri\": \"u\", \"headlines\": [5]}", CD_IMPORT_ERROR_INVALID,
    "“headlines[0]” must be an object, not a number" },
  { "headline-value", "{\"uri\": \"u\", \"headlines\": [{\"value\": true}]}",
    CD_IMPORT_ERROR_INVALID,
    "“headlines[0].value” must be text, not true or false" },
  { "date-words", "{\"uri\": \"u\", \"headline\": \"h\", \"versioncreated\": \"yesterday\"}",
    CD_IMPORT_ERROR_INVALID, "“versioncreated” is “yesterday”" },
  { "date-invalid-day",
    "{\"uri\": \"u\", \"headline\": \"h\", \"firstcreated\": \"2026-02-30T10:00:00Z\"}",
    CD_IMPORT_ERROR_INVALID, "“firstcreated”" },
  { "date-number", "{\"uri\": \"u\", \"headline\": \"h\", \"embargoed\": 20260101}",
    CD_IMPORT_ERROR_INVALID, "“embargoed” must be text" },
  { "pubstatus", "{\"uri\": \"u\", \"headline\": \"h\", \"pubstatus\": \"draft\"}",
    CD_IMPORT_ERROR_INVALID, "usable, withheld and canceled" },
  { "subjects-object", "{\"uri\": \"u\", \"headline\": \"h\", \"subjects\": {}}",
    CD_IMPORT_ERROR_INVALID, "“subjects” must be a list, not an object" },
  { "person-name",
    "{\"uri\": \"u\", \"headline\": \"h\", \"people\": [{\"rel\": \"author\", \"name\": 1}]}",
    CD_IMPORT_ERROR_INVALID, "“people[0].name” must be text" },
  { "associations-string", "{\"uri\": \"u\", \"headline\": \"h\", \"associations\": \"pic\"}",
    CD_IMPORT_ERROR_INVALID, "“associations” must be a list" },
  { "association-1x-caption", "{\"uri\": \"u\", \"headline\": \"h\", \"associations\": "
    "{\"pic\": {\"type\": \"picture\", \"uri\": \"https://x/p.jpg\", \"description_text\": 7}}}",
    CD_IMPORT_ERROR_INVALID, "“associations.pic.description_text” must be text, not a number" },
  { "rendition-href",
    "{\"uri\": \"u\", \"headline\": \"h\", \"associations\": [{\"name\": \"featureimage\", "
    "\"uri\": \"https://x\", \"renditions\": [{\"name\": \"original\", \"href\": 5}]}]}",
    CD_IMPORT_ERROR_INVALID, "“associations[0].renditions[0].href” must be text, not a number" },
  { "body-value", "{\"uri\": \"u\", \"bodies\": [{\"role\": \"main\", \"value\": [\"x\"]}]}",
    CD_IMPORT_ERROR_INVALID, "“bodies[0].value” must be text, not a list" },
};

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *malformed = data;
  g_autofree char *name = g_strconcat (malformed->name, ".json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;

  article = cd_ninjs_import_from_data (malformed->data, strlen (malformed->data), name, &error);
  g_assert_null (article);
  g_assert_error (error, CD_IMPORT_ERROR, (int) malformed->code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_nonnull (strstr (error->message, malformed->message));
}

static void
test_malformed_deep_and_binary (void)
{
  g_autofree char *deep = nested ("[", "]", 100000, "");
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char utf16[] = "\xff\xfe{\0\"\0u\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) from_deep = NULL;
  g_autoptr(CdArticle) from_binary = NULL;
  g_autoptr(CdArticle) from_utf16 = NULL;

  from_deep = cd_ninjs_import_from_data (deep, strlen (deep), "deep.json", &error);
  g_assert_null (from_deep);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_SYNTAX);
  g_clear_error (&error);

  from_binary = cd_ninjs_import_from_data (binary, sizeof binary - 1, "image.png", &error);
  g_assert_null (from_binary);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "image.png"));
  g_clear_error (&error);

  from_utf16 = cd_ninjs_import_from_data (utf16, sizeof utf16 - 1, "utf16.json", &error);
  g_assert_null (from_utf16);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_SYNTAX);
}

static void
test_too_large (void)
{
  gsize size = 32 * 1024 * 1024 + 1;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;

  memset (data, ' ', size);
  article = cd_ninjs_import_from_data (data, size, "huge.json", &error);
  g_assert_null (article);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "huge.json: "));
}

static void
test_from_file_errors (void)
{
  g_autofree char *missing_path = source_path ("tests", "import", "no-such-file.json", NULL);
  g_autofree char *folder_path = source_path ("tests", "import", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) from_missing = NULL;
  g_autoptr(CdArticle) from_folder = NULL;

  from_missing = cd_ninjs_import_from_file (missing, NULL, &error);
  g_assert_null (from_missing);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "no-such-file.json"));
  g_clear_error (&error);

  from_folder = cd_ninjs_import_from_file (folder, NULL, &error);
  g_assert_null (from_folder);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "folder"));
}

/* The malformed article files of the file-format tests: whatever each
 * holds, importing it gives an article or a clear import error. */
static void
test_malformed_article_files (void)
{
  g_autoptr(GPtrArray) paths = list_files ("tests/malformed", ".copydesk");
  guint imported = 0;

  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = cd_ninjs_import_from_file (file, NULL, &error);
      g_autofree char *name = g_file_get_parse_name (file);

      if (article != NULL)
        {
          g_assert_no_error (error);
          imported++;
          continue;
        }

      g_assert_nonnull (error);
      g_assert_true (error->domain == CD_IMPORT_ERROR);
      g_assert_true (g_str_has_prefix (error->message, name));
    }

  /* Only the ninjs document among them is an article. */
  g_assert_cmpuint (imported, <=, 1);
}

/* A wire story never makes an article point at a local file outside what
 * the user chose: such a lead image is dropped, with a message. */
static void
test_local_image_dropped (void)
{
  static const struct
  {
    const char *href;
    const char *expected;  /* NULL: dropped */
  } cases[] = {
    { "/etc/passwd", NULL },
    { "/proc/self/environ", NULL },
    { "file:///etc/passwd", NULL },
    { "../../secret.jpg", NULL },
    { "pictures/../../secret.jpg", NULL },
    { "~/photo.jpg", NULL },
    { "https://images.example.com/ferry.jpg", "https://images.example.com/ferry.jpg" },
    /* A web address as cd_url_is_web_address() has it: the scheme in any
     * case, but a host and no white space. */
    { "HTTPS://IMAGES.EXAMPLE.COM/ferry.jpg", "HTTPS://IMAGES.EXAMPLE.COM/ferry.jpg" },
    { "https:///ferry.jpg", NULL },
    { "https://images.example.com/the ferry.jpg", NULL },
    { "ferry.jpg", "ferry.jpg" },
    { "pictures/ferry.jpg", "pictures/ferry.jpg" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *ninjs = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = NULL;
      CdImage *image;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uri");
      json_builder_add_string_value (builder, "urn:example:wire:1");
      json_builder_set_member_name (builder, "headline");
      json_builder_add_string_value (builder, "Ferry back");
      json_builder_set_member_name (builder, "associations");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, "featureimage");
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "picture");
      json_builder_set_member_name (builder, "uri");
      json_builder_add_string_value (builder, "urn:example:wire:1:picture");
      json_builder_set_member_name (builder, "descriptions");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, "caption");
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, "The ferry");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "renditions");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, "original");
      json_builder_set_member_name (builder, "href");
      json_builder_add_string_value (builder, cases[i].href);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ninjs = json_to_string (root, FALSE);

      article = cd_ninjs_import_from_data_full (ninjs, strlen (ninjs), "wire.json",
                                                &warnings, &error);
      g_assert_no_error (error);
      g_assert_nonnull (warnings);
      image = cd_article_get_image (article);

      if (cases[i].expected == NULL)
        {
          g_test_message ("%s: %s", cases[i].href, (char *) g_ptr_array_index (warnings, 0));
          g_assert_cmpstr (cd_image_get_source (image), ==, "");
          g_assert_cmpuint (warnings->len, ==, 1);
          g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), cases[i].href));
          g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "wire.json"));
          /* What describes the picture is kept for the user to see. */
          g_assert_cmpstr (cd_image_get_caption (image), ==, "The ferry");
        }
      else
        {
          g_assert_cmpstr (cd_image_get_source (image), ==, cases[i].expected);
          g_assert_cmpuint (warnings->len, ==, 0);
        }

      /* The plain function drops the same. */
      g_clear_object (&article);
      article = cd_ninjs_import_from_data (ninjs, strlen (ninjs), "wire.json", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cd_image_get_source (cd_article_get_image (article)), ==,
                       cases[i].expected != NULL ? cases[i].expected : "");
    }
}

/* ninjs 1.x names an author's page in "code", which may be any identifier:
 * only a web address (cd_url_is_web_address()) becomes the author's URL. */
static void
test_v1_person_code (void)
{
  static const char ninjs[] =
    "{\"uri\": \"u\", \"headline\": \"h\", \"person\": ["
    "{\"rel\": \"author\", \"name\": \"A\", \"code\": \"https://example.org/staff/a\"},"
    "{\"rel\": \"author\", \"name\": \"B\", \"code\": \"HTTPS://EXAMPLE.ORG/staff/b\"},"
    "{\"rel\": \"author\", \"name\": \"C\", \"code\": \"https://\"},"
    "{\"rel\": \"author\", \"name\": \"D\", \"code\": \"https://example.org/staff d\"},"
    "{\"rel\": \"author\", \"name\": \"E\", \"code\": \"staff-e\"}]}";
  static const char * const expected[] = {
    "https://example.org/staff/a", "HTTPS://EXAMPLE.ORG/staff/b", "", "", "",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  GListModel *authors;

  article = cd_ninjs_import_from_data (ninjs, strlen (ninjs), "wire.json", &error);
  g_assert_no_error (error);
  authors = cd_article_get_authors (article);
  g_assert_cmpuint (g_list_model_get_n_items (authors), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);

      g_assert_cmpstr (cd_author_get_url (author), ==, expected[i]);
    }
}

int
main (int argc, char **argv)
{
  const char *root = g_getenv ("CD_SOURCE_ROOT");
  int ret;

  cd_test_init (&argc, &argv);

  g_test_add_func ("/import/ninjs/local-image-dropped", test_local_image_dropped);
  g_test_add_func ("/import/ninjs/v1-person-code", test_v1_person_code);

  if (root != NULL)
    source_root = g_strdup (root);
  else
    source_root = g_test_build_filename (G_TEST_DIST, "..", "..", NULL);

  for (size_t i = 0; i < G_N_ELEMENTS (html_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/import/html/", html_cases[i].name, NULL);

      g_test_add_data_func (path, &html_cases[i], test_html_case);
    }
  g_test_add_func ("/import/html/null-and-length", test_html_null_and_length);
  g_test_add_func ("/import/html/invalid-utf8", test_html_invalid_utf8);
  g_test_add_func ("/import/html/deep-nesting", test_html_deep_nesting);
  g_test_add_func ("/import/html/deep-but-parsed", test_html_deep_but_parsed);
  g_test_add_func ("/import/html/many-unparsable-emphasis", test_html_many_unparsable_emphasis);
  g_test_add_func ("/import/html/script-and-handlers", test_html_script_and_handlers);
  g_test_add_func ("/import/html/corpus", test_html_corpus);
  g_test_add_func ("/import/html/fixture-bodies", test_html_fixture_bodies);

  for (size_t i = 0; i < G_N_ELEMENTS (iptc_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/import/iptc/", iptc_cases[i].path, NULL);

      g_test_add_data_func (path, &iptc_cases[i], test_iptc_example);
    }
  g_test_add_func ("/import/iptc/all-listed", test_iptc_all_listed);

  g_test_add_func ("/import/ninjs/round-trip", test_round_trip);
  g_test_add_func ("/import/ninjs/round-trip-bundle", test_round_trip_bundle);
  g_test_add_func ("/import/ninjs/mapping-2", test_mapping_2);
  g_test_add_func ("/import/ninjs/mapping-1", test_mapping_1);
  g_test_add_func ("/import/ninjs/status", test_mapping_status);
  g_test_add_func ("/import/ninjs/dates", test_mapping_dates);
  g_test_add_func ("/import/ninjs/picture", test_mapping_picture);

  for (size_t i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/import/ninjs/malformed/", malformed_cases[i].name,
                                           NULL);

      g_test_add_data_func (path, &malformed_cases[i], test_malformed);
    }
  g_test_add_func ("/import/ninjs/malformed/deep-and-binary", test_malformed_deep_and_binary);
  g_test_add_func ("/import/ninjs/malformed/too-large", test_too_large);
  g_test_add_func ("/import/ninjs/malformed/file-errors", test_from_file_errors);
  g_test_add_func ("/import/ninjs/malformed/article-files", test_malformed_article_files);

  ret = g_test_run ();

  g_free (source_root);
  return ret;
}
