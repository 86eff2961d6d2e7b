/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cd-html-markdown.h"
#include "cd-markdown.h"
#include "cd-test-util.h"

typedef struct
{
  const char *markdown;
  const char *expected;
} Case;

/* The elements and attributes the renderer may write; anything else in its
 * output (an event handler, a <script>) is a hole. */
static const char * const allowed_elements[] = {
  "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
  "pre", "code", "hr", "table", "thead", "tbody", "tr", "th", "td", "em", "strong",
  "del", "a", "img", "br", "figure", "figcaption", NULL,
};

static const char * const allowed_attributes[] = {
  "id", "start", "class", "style", "href", "title", "src", "alt", NULL,
};

static gboolean
str_in (const char         *s,
        const char * const *list)
{
  return g_strv_contains (list, s);
}

/* What a browser would run: the URL with ASCII whitespace and controls
 * removed, then its scheme. */
static void
assert_safe_url (const char *url)
{
  g_autoptr(GString) cleaned = g_string_new (NULL);
  const char *scheme;

  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p > 0x20 && *p != 0x7f)
      g_string_append_c (cleaned, *p);

  scheme = g_uri_peek_scheme (cleaned->str);
  if (scheme != NULL &&
      !g_str_equal (scheme, "http") &&
      !g_str_equal (scheme, "https") &&
      !g_str_equal (scheme, "mailto"))
    g_error ("URL with scheme %s in output: %s", scheme, url);
}

static void
check_element (xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (!str_in (name, allowed_elements))
    g_error ("Unexpected element <%s> in output", name);

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *attr_name = (const char *) attr->name;
      g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attr);

      if (!str_in (attr_name, allowed_attributes))
        g_error ("Unexpected attribute %s=\"%s\" on <%s>", attr_name, value, name);

      if (g_str_equal (attr_name, "href") || g_str_equal (attr_name, "src"))
        assert_safe_url (value);
      else if (g_str_equal (attr_name, "style"))
        g_assert_true (g_str_equal (value, "text-align: left") ||
                       g_str_equal (value, "text-align: center") ||
                       g_str_equal (value, "text-align: right"));
      else if (g_str_equal (attr_name, "class"))
        g_assert_true (g_str_has_prefix (value, "language-"));
    }
}

/* Parses @html as XML inside a <div> and checks every element and
 * attribute against the lists above. The walk is iterative: documents
 * nest 10,000 deep. */
static void
assert_safe_xhtml (const char *html)
{
  g_autofree char *wrapped = g_strconcat ("<div>", html, "</div>", NULL);
  xmlDoc *doc;
  xmlNode *node;

  doc = xmlReadMemory (wrapped, strlen (wrapped), "fragment.xml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR |
                       XML_PARSE_NOWARNING);
  if (doc == NULL)
    g_error ("Output is not well-formed XML:\n%s", html);

  node = xmlDocGetRootElement (doc);
  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        check_element (node);

      if (node->children != NULL && node->type == XML_ELEMENT_NODE)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node->next == NULL)
        node = node->parent != (xmlNode *) doc ? node->parent : NULL;
      if (node != NULL)
        node = node->next;
    }

  xmlFreeDoc (doc);
}

static void
assert_no_script (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);

  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img src=x"));
  g_assert_null (strstr (lower, "href=\"javascript"));
  g_assert_null (strstr (lower, "src=\"javascript"));
}

static void
check_html_cases (const Case *cases,
                  size_t      n_cases)
{
  for (size_t i = 0; i < n_cases; i++)
    {
      g_autofree char *html = cd_markdown_to_html (cases[i].markdown, -1);

      g_test_message ("HTML of \"%s\"", cases[i].markdown);
      g_assert_cmpstr (html, ==, cases[i].expected);
      assert_safe_xhtml (html);
    }
}

static void
check_text_cases (const Case *cases,
                  size_t      n_cases)
{
  for (size_t i = 0; i < n_cases; i++)
    {
      g_autofree char *text = cd_markdown_to_plain_text (cases[i].markdown, -1);

      g_test_message ("plain text of \"%s\"", cases[i].markdown);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "markdown", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_empty (void)
{
  g_autofree char *text_null = cd_markdown_to_plain_text (NULL, -1);
  g_autofree char *text_empty = cd_markdown_to_plain_text ("", -1);
  g_autofree char *text_blank = cd_markdown_to_plain_text ("\n\n   \n", -1);
  g_autofree char *html_null = cd_markdown_to_html (NULL, -1);
  g_autofree char *html_empty = cd_markdown_to_html ("", 0);
  g_autoptr(GPtrArray) blocks_null = cd_markdown_to_blocks (NULL, -1);
  g_autoptr(GPtrArray) blocks_empty = cd_markdown_to_blocks ("", -1);

  g_assert_cmpstr (text_null, ==, "");
  g_assert_cmpstr (text_empty, ==, "");
  g_assert_cmpstr (text_blank, ==, "");
  g_assert_cmpstr (html_null, ==, "");
  g_assert_cmpstr (html_empty, ==, "");
  g_assert_nonnull (blocks_null);
  g_assert_cmpuint (blocks_null->len, ==, 0);
  g_assert_cmpuint (blocks_empty->len, ==, 0);
}

static void
test_length (void)
{
  const char *markdown = "*one* two\n\nthree";
  g_autofree char *html = cd_markdown_to_html (markdown, strlen ("*one* two"));
  g_autofree char *text = cd_markdown_to_plain_text (markdown, 3);

  g_assert_cmpstr (html, ==, "<p><em>one</em> two</p>\n");
  g_assert_cmpstr (text, ==, "*on");
}

static const Case text_cases[] = {
  { "Hello world", "Hello world" },
  { "# Heading\n\nParagraph", "Heading\n\nParagraph" },
  { "Setext\n======\n\ntext", "Setext\n\ntext" },
  { "one\ntwo\nthree", "one two three" },
  { "hard  \nbreak\\\nagain", "hard\nbreak\nagain" },
  { "*em* **strong** ~~del~~ `code`", "em strong del code" },
  { "***both*** _under_ __score__", "both under score" },
  { "[link text](http://example.org \"title\")", "link text" },
  { "[ref][1]\n\n[1]: http://example.org", "ref" },
  { "<http://example.org/a> and <me@example.org>", "http://example.org/a and me@example.org" },
  { "see www.example.org or https://example.org/x",
    "see www.example.org or https://example.org/x" },
  { "![alt text](pic.jpg \"caption\")", "alt text" },
  { "![alt *with* emphasis](pic.jpg)", "alt with emphasis" },
  { "[![logo](l.png)](http://example.org)", "logo" },
  { "&amp; &lt; &gt; &quot; &apos; a&nbsp;b", "& < > \" ' a\xc2\xa0" "b" },
  { "&#65;&#x42;&#X43; &#128512; &#0; &#xD800;", "ABC \xf0\x9f\x98\x80 \xef\xbf\xbd \xef\xbf\xbd" },
  { "&mdash; &hellip; &ldquo;q&rdquo; &euro;5",
    "\xe2\x80\x94 \xe2\x80\xa6 \xe2\x80\x9cq\xe2\x80\x9d \xe2\x82\xac" "5" },
  { "&unknown; &AMP; & alone", "&unknown; &AMP; & alone" },
  { "\\*not emphasis\\*", "*not emphasis*" },
  { "- one\n- two\n  - nested\n- three", "one\n\ntwo\n\nnested\n\nthree" },
  { "1. first\n\n   second paragraph\n2. next", "first\n\nsecond paragraph\n\nnext" },
  { "> quoted\n> line\n>\n> second", "quoted line\n\nsecond" },
  { "> > nested\n\nafter", "nested\n\nafter" },
  { "```\ncode line 1\n\n\n  indented\n```", "code line 1\n  indented" },
  { "    indented code\n\n    more", "indented code\nmore" },
  { "```\n\n```\n\nafter empty code", "after empty code" },
  { "before\n\n```\n   \n```\n\nafter", "before\n\nafter" },
  { "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |", "a\tb\n\n1\t2\n\n3\t4" },
  { "| a | b |\n|---|---|\n|  | 2 |", "a\tb\n\n\t2" },
  { "above\n\n---\n\nbelow", "above\n\nbelow" },
  { "<div>\n<b>raw</b>\n</div>\n\ntext", "<div>\n<b>raw</b>\n</div>\n\ntext" },
  { "inline <span class=\"x\">raw</span> html", "inline <span class=\"x\">raw</span> html" },
  { "trailing paragraph\n\n\n\n", "trailing paragraph" },
  { "\n\n\nleading blank lines", "leading blank lines" },
};

static void
test_plain_text (void)
{
  check_text_cases (text_cases, G_N_ELEMENTS (text_cases));
}

static void
test_plain_text_paragraphs (void)
{
  g_autofree char *markdown = read_fixture ("article.md");
  g_autofree char *text = cd_markdown_to_plain_text (markdown, -1);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  /* Splitting on blank lines gives one non-empty block each, with no blank
   * line and no stray whitespace at either end. */
  g_assert_cmpuint (g_strv_length (paragraphs), ==, 18);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_assert_cmpstr (paragraphs[i], !=, "");
      g_assert_false (g_str_has_prefix (paragraphs[i], "\n"));
      g_assert_false (g_str_has_suffix (paragraphs[i], "\n"));
    }
  g_assert_false (g_str_has_suffix (text, "\n"));
}

static const Case html_cases[] = {
  { "Hello *world*", "<p>Hello <em>world</em></p>\n" },
  { "**strong** ~~del~~ `a < b`",
    "<p><strong>strong</strong> <del>del</del> <code>a &lt; b</code></p>\n" },
  { "one\ntwo", "<p>one\ntwo</p>\n" },
  { "hard  \nbreak", "<p>hard<br />\nbreak</p>\n" },
  { "# One\n## Two\n###### Six",
    "<h1 id=\"one\">One</h1>\n<h2 id=\"two\">Two</h2>\n<h6 id=\"six\">Six</h6>\n" },
  { "- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n" },
  { "- a\n\n- b", "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n" },
  { "- a\n  - b", "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n" },
  { "1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n" },
  { "7) a", "<ol start=\"7\">\n<li>a</li>\n</ol>\n" },
  { "0. zero", "<ol start=\"0\">\n<li>zero</li>\n</ol>\n" },
  { "> a\n>\n> b", "<blockquote>\n<p>a</p>\n<p>b</p>\n</blockquote>\n" },
  { "> > deep", "<blockquote>\n<blockquote>\n<p>deep</p>\n</blockquote>\n</blockquote>\n" },
  { "```\nx < y\n```", "<pre><code>x &lt; y\n</code></pre>\n" },
  { "```python extra words\nprint(1)\n```",
    "<pre><code class=\"language-python\">print(1)\n</code></pre>\n" },
  { "~~~ c&amp;d\nx\n~~~", "<pre><code class=\"language-c&amp;d\">x\n</code></pre>\n" },
  { "    indented", "<pre><code>indented\n</code></pre>\n" },
  { "---", "<hr />\n" },
  { "a\n\n***\n\nb", "<p>a</p>\n<hr />\n<p>b</p>\n" },
  { "| a | b |\n|---|---|\n| 1 | 2 |",
    "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n"
    "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n" },
  { "| l | c | r |\n|:--|:-:|--:|\n| 1 | 2 |",
    "<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">l</th>\n"
    "<th style=\"text-align: center\">c</th>\n<th style=\"text-align: right\">r</th>\n"
    "</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align: left\">1</td>\n"
    "<td style=\"text-align: center\">2</td>\n<td style=\"text-align: right\"></td>\n"
    "</tr>\n</tbody>\n</table>\n" },
  { "| only | header |\n|---|---|",
    "<table>\n<thead>\n<tr>\n<th>only</th>\n<th>header</th>\n</tr>\n</thead>\n</table>\n" },
  { "[a](http://example.org)", "<p><a href=\"http://example.org\">a</a></p>\n" },
  { "[a](https://example.org/?q=1&r=2 \"The \\\"title\\\"\")",
    "<p><a href=\"https://example.org/?q=1&amp;r=2\" title=\"The &quot;title&quot;\">a</a></p>\n" },
  { "[a](<http://example.org/a b>)", "<p><a href=\"http://example.org/a%20b\">a</a></p>\n" },
  { "[a](http://example.org/caf\xc3\xa9)",
    "<p><a href=\"http://example.org/caf%C3%A9\">a</a></p>\n" },
  { "[a](< https://example.org/\t>)", "<p><a href=\"https://example.org/\">a</a></p>\n" },
  { "[a](#section)", "<p><a href=\"#section\">a</a></p>\n" },
  { "[a](../relative/page.html)", "<p><a href=\"../relative/page.html\">a</a></p>\n" },
  { "[a](//cdn.example.org/x)", "<p><a href=\"//cdn.example.org/x\">a</a></p>\n" },
  { "[a](mailto:desk@example.org)", "<p><a href=\"mailto:desk@example.org\">a</a></p>\n" },
  { "[a](HTTPS://EXAMPLE.ORG)", "<p><a href=\"HTTPS://EXAMPLE.ORG\">a</a></p>\n" },
  { "[a](/path?x=a:b)", "<p><a href=\"/path?x=a:b\">a</a></p>\n" },
  { "[a](page?x=1&amp;y=2&z=&colon;)", "<p><a href=\"page?x=1&amp;y=2&amp;z=:\">a</a></p>\n" },
  { "[a][r]\n\n[r]: http://example.org 'ref title'",
    "<p><a href=\"http://example.org\" title=\"ref title\">a</a></p>\n" },
  { "<https://example.org/x>",
    "<p><a href=\"https://example.org/x\">https://example.org/x</a></p>\n" },
  { "<desk@example.org>", "<p><a href=\"mailto:desk@example.org\">desk@example.org</a></p>\n" },
  { "www.example.org", "<p><a href=\"http://www.example.org\">www.example.org</a></p>\n" },
  { "go to https://example.org/a.",
    "<p>go to <a href=\"https://example.org/a\">https://example.org/a</a>.</p>\n" },
  { "desk@example.org", "<p><a href=\"mailto:desk@example.org\">desk@example.org</a></p>\n" },
  { "![alt](pic.jpg)", "<p><img src=\"pic.jpg\" alt=\"alt\" /></p>\n" },
  { "text ![alt](pic.jpg \"t\")", "<p>text <img src=\"pic.jpg\" alt=\"alt\" title=\"t\" /></p>\n" },
  { "![a *b* ![c](d.png) `e`](pic.jpg)", "<p><img src=\"pic.jpg\" alt=\"a b c e\" /></p>\n" },
  { "![\"quoted\" & <alt>](pic.jpg)",
    "<p><img src=\"pic.jpg\" alt=\"&quot;quoted&quot; &amp; &lt;alt&gt;\" /></p>\n" },
  { "[![logo](logo.png)](http://example.org)",
    "<p><a href=\"http://example.org\"><img src=\"logo.png\" alt=\"logo\" /></a></p>\n" },
  { "&amp; &copy; &#169; &#xA9; &unknown; &#0;",
    "<p>&amp; \xc2\xa9 \xc2\xa9 \xc2\xa9 &amp;unknown; \xef\xbf\xbd</p>\n" },
  { "&lt;b&gt;not bold&lt;/b&gt;", "<p>&lt;b&gt;not bold&lt;/b&gt;</p>\n" },
  { "it's \"quoted\"", "<p>it&#39;s &quot;quoted&quot;</p>\n" },
  { "<div>\nraw block\n</div>", "<p>&lt;div&gt;\nraw block\n&lt;/div&gt;</p>\n" },
  { "a <b>raw</b> span", "<p>a &lt;b&gt;raw&lt;/b&gt; span</p>\n" },
  { "<!-- comment -->", "<p>&lt;!-- comment --&gt;</p>\n" },
};

static void
test_html (void)
{
  check_html_cases (html_cases, G_N_ELEMENTS (html_cases));
}

static const Case figure_cases[] = {
  /* Alone with a title: a figure, the title as caption. */
  { "![A dog](dog.jpg \"Rex, 4, at home\")",
    "<figure>\n<img src=\"dog.jpg\" alt=\"A dog\" />\n"
    "<figcaption>Rex, 4, at home</figcaption>\n</figure>\n" },
  { "![a](b.jpg \"<i>x</i> & y\")",
    "<figure>\n<img src=\"b.jpg\" alt=\"a\" />\n"
    "<figcaption>&lt;i&gt;x&lt;/i&gt; &amp; y</figcaption>\n</figure>\n" },
  { "> ![q](q.png \"in a quote\")",
    "<blockquote>\n<figure>\n<img src=\"q.png\" alt=\"q\" />\n"
    "<figcaption>in a quote</figcaption>\n</figure>\n</blockquote>\n" },
  /* No title, other content, or a refused URL: no figure. */
  { "![a](b.jpg)", "<p><img src=\"b.jpg\" alt=\"a\" /></p>\n" },
  { "![a](b.jpg \"\")", "<p><img src=\"b.jpg\" alt=\"a\" /></p>\n" },
  { "![a](b.jpg \"t\") more", "<p><img src=\"b.jpg\" alt=\"a\" title=\"t\" /> more</p>\n" },
  { "*![a](b.jpg \"t\")*", "<p><em><img src=\"b.jpg\" alt=\"a\" title=\"t\" /></em></p>\n" },
  { "![a](b.jpg \"t\")![c](d.jpg \"u\")",
    "<p><img src=\"b.jpg\" alt=\"a\" title=\"t\" />"
    "<img src=\"d.jpg\" alt=\"c\" title=\"u\" /></p>\n" },
  { "![a](javascript:alert(1) \"t\")", "<p>a</p>\n" },
  { "- ![a](b.jpg \"tight item\")",
    "<ul>\n<li><img src=\"b.jpg\" alt=\"a\" title=\"tight item\" /></li>\n</ul>\n" },
};

static void
test_figure (void)
{
  check_html_cases (figure_cases, G_N_ELEMENTS (figure_cases));
}

static const Case heading_cases[] = {
  { "# Hello World", "<h1 id=\"hello-world\">Hello World</h1>\n" },
  { "# Élection à Zürich : 3 résultats",
    "<h1 id=\"election-a-zurich-3-resultats\">Élection à Zürich : 3 résultats</h1>\n" },
  { "# Straße und Ærø", "<h1 id=\"strasse-und-aeroe\">Straße und Ærø</h1>\n" },
  { "# Ko\xcc\x88ln", "<h1 id=\"koln\">Ko\xcc\x88ln</h1>\n" },
  { "# Don't *panic*", "<h1 id=\"dont-panic\">Don&#39;t <em>panic</em></h1>\n" },
  { "# Q&amp;A: `code` & [link](http://x.org)",
    "<h1 id=\"q-a-code-link\">Q&amp;A: <code>code</code> &amp; "
    "<a href=\"http://x.org\">link</a></h1>\n" },
  { "# ![Logo](l.png) Title",
    "<h1 id=\"logo-title\"><img src=\"l.png\" alt=\"Logo\" /> Title</h1>\n" },
  { "# --- Spaced   out ---", "<h1 id=\"spaced-out\">--- Spaced   out ---</h1>\n" },
  { "# 日本語", "<h1 id=\"section\">日本語</h1>\n" },
  { "#", "<h1 id=\"section\"></h1>\n" },
  { "# A\n# A\n# A", "<h1 id=\"a\">A</h1>\n<h1 id=\"a-2\">A</h1>\n<h1 id=\"a-3\">A</h1>\n" },
  /* A heading whose own slug is a suffixed one takes the next free id. */
  { "# A\n# A 2\n# A\n# A",
    "<h1 id=\"a\">A</h1>\n<h1 id=\"a-2\">A 2</h1>\n"
    "<h1 id=\"a-3\">A</h1>\n<h1 id=\"a-4\">A</h1>\n" },
  { "# A\n# A\n# A-2", "<h1 id=\"a\">A</h1>\n<h1 id=\"a-2\">A</h1>\n<h1 id=\"a-2-2\">A-2</h1>\n" },
  { "# ?\n## !\n### Section",
    "<h1 id=\"section\">?</h1>\n<h2 id=\"section-2\">!</h2>\n<h3 id=\"section-3\">Section</h3>\n" },
  { "Setext *one*\n===\n\nSetext two\n---",
    "<h1 id=\"setext-one\">Setext <em>one</em></h1>\n<h2 id=\"setext-two\">Setext two</h2>\n" },
  { "- # In a list", "<ul>\n<li>\n<h1 id=\"in-a-list\">In a list</h1>\n</li>\n</ul>\n" },
};

static void
test_heading_ids (void)
{
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autofree char *html = NULL;

  check_html_cases (heading_cases, G_N_ELEMENTS (heading_cases));

  /* Ids are fresh for each document. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *again = cd_markdown_to_html ("# A", -1);

      g_assert_cmpstr (again, ==, "<h1 id=\"a\">A</h1>\n");
    }

  for (guint i = 0; i < 100; i++)
    g_string_append (markdown, "## Update\n\n");
  html = cd_markdown_to_html (markdown->str, -1);
  g_assert_nonnull (strstr (html, "<h2 id=\"update\">"));
  g_assert_nonnull (strstr (html, "<h2 id=\"update-2\">"));
  g_assert_nonnull (strstr (html, "<h2 id=\"update-100\">"));
  g_assert_null (strstr (html, "<h2 id=\"update-101\">"));
  assert_safe_xhtml (html);
}

/* Each of these must come out as its text, with no link or image. */
static const Case refused_url_cases[] = {
  { "[x](javascript:alert(1))", "<p>x</p>\n" },
  { "[x](JaVaScRiPt:alert(1))", "<p>x</p>\n" },
  { "[x](< java\tscript:alert(1)>)", "<p>x</p>\n" },
  { "[x](<java\nscript:alert(1)>)", "<p>[x](&lt;java\nscript:alert(1)&gt;)</p>\n" },
  { "[x](javascript&#58;alert(1))", "<p>x</p>\n" },
  { "[x](javascript&#x3A;alert(1))", "<p>x</p>\n" },
  { "[x](&#106;avascript:alert(1))", "<p>x</p>\n" },
  { "[x](&#x6A;&#x61;vascript:alert(1))", "<p>x</p>\n" },
  { "[x](java&#9;script:alert(1))", "<p>x</p>\n" },
  { "[x](&#0;javascript:alert(1))", "<p>x</p>\n" },
  { "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<p>x</p>\n" },
  { "[x](DATA:text/html,<script>)", "<p>x</p>\n" },
  { "[x](vbscript:msgbox(1))", "<p>x</p>\n" },
  { "[x](file:///etc/passwd)", "<p>x</p>\n" },
  { "[x](ftp://example.org/file)", "<p>x</p>\n" },
  { "[x](\\javascript:alert(1))", "<p>x</p>\n" },
  { "[x](jav&#x09;ascript:alert(1))", "<p>x</p>\n" },
  { "[x](javascript&colon;alert(1))", "<p>x</p>\n" },
  { "[x](java&Tab;script&colon;alert(1))", "<p>x</p>\n" },
  { "[x](javascript&#58alert(1))", "<p>x</p>\n" },
  { "[x](javascript&unknown;alert(1))", "<p>x</p>\n" },
  { "[x][r]\n\n[r]: javascript:alert(1)", "<p>x</p>\n" },
  { "<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n" },
  { "<vbscript:msgbox(1)>", "<p>vbscript:msgbox(1)</p>\n" },
  { "[*x*](javascript:alert(1) \"t\")", "<p><em>x</em></p>\n" },
  { "![x](javascript:alert(1))", "<p>x</p>\n" },
  { "![x](JAVASCRIPT:alert(1) \"t\")", "<p>x</p>\n" },
  { "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "<p>x</p>\n" },
  { "![<b>x</b>](vbscript:x)", "<p>&lt;b&gt;x&lt;/b&gt;</p>\n" },
  { "text ![x](file:///etc/passwd) text", "<p>text x text</p>\n" },
};

static void
test_refused_urls (void)
{
  check_html_cases (refused_url_cases, G_N_ELEMENTS (refused_url_cases));

  for (size_t i = 0; i < G_N_ELEMENTS (refused_url_cases); i++)
    {
      g_autofree char *html = cd_markdown_to_html (refused_url_cases[i].markdown, -1);

      g_assert_null (strstr (html, "<a "));
      g_assert_null (strstr (html, "<img "));
    }
}

static const char * const hostile_inputs[] = {
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "a <script>alert(1)</script> b",
  "<scr<script>ipt>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "text <img src=x onerror=alert(1)> text",
  "<IMG SRC=\"javascript:alert('XSS');\">",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<div onmouseover=\"alert(1)\">hover</div>",
  "<div\nonclick=alert(1)",
  "<svg/onload=alert(1)>",
  "<body onload=alert(1)>",
  "<iframe src=\"javascript:alert(1)\"></iframe>",
  "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
  "<style>body{background:url(javascript:alert(1))}</style>",
  "<!-- <script>alert(1)</script> -->",
  "<![CDATA[<script>alert(1)</script>]]>",
  "<?php echo 1; ?>",
  "<!DOCTYPE html>",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](< java\tscript:alert(1)>)",
  "[x](javascript&#58;alert(1))",
  "[x](javascript&colon;alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](vbscript:msgbox(1))",
  "![x](javascript:alert(1))",
  "![x](data:image/svg+xml,<svg onload=alert(1)>)",
  "![x\" onerror=\"alert(1)](http://example.org/a.png)",
  "![x](http://example.org/a.png \"t\\\" onerror=\\\"alert(1)\")",
  "[a](http://example.org \"t\\\" onmouseover=\\\"alert(1)\")",
  "[a](http://example.org/\"onmouseover=\"alert(1))",
  "[a](<http://example.org/\" onmouseover=\"alert(1)>)",
  "<http://example.org/\"onclick=\"alert(1)>",
  "http://example.org/\"onmouseover=\"alert(1)",
  "www.example.org/<script>alert(1)</script>",
  "[<img src=x onerror=alert(1)>](http://example.org)",
  "[x]: javascript:alert(1)\n\n[y][x] [x]",
  "# <script>alert(1)</script>",
  "| a |\n|---|\n| <script>alert(1)</script> |",
  "| <img src=x onerror=alert(1)> |\n|:-:|\n| x |",
  "```\"><script>alert(1)</script>\nx\n```",
  "~~~ \" onmouseover=\"alert(1)\nx\n~~~",
  "`<script>alert(1)</script>`",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "> <script>alert(1)</script>\n> - <img src=x onerror=alert(1)>",
  "- [x](javascript:alert(1))\n- ![y](javascript:alert(1) \"t\")",
  /* Unterminated constructs. */
  "```\n<script>alert(1)\n",
  "[unterminated](http://example.org",
  "[unterminated](javascript:alert(1)",
  "![unterminated](javascript:alert(1)",
  "**unterminated <script",
  "<div onclick=\"alert(1)\"",
  "<a href=\"javascript:alert(1)",
  "<!-- unterminated comment <script>",
  "| a |\n|---|\n| b",
  "> > > <script",
  "[[[[[[[[[[x](javascript:alert(1))",
  "&#x6A;avascript:alert(1) &#",
  /* Controls and noncharacters are not allowed in XML. */
  "a\x01" "b\x0b" "c\x1b" "d\x7f" "e \xef\xbf\xbe \xef\xbf\xbf",
  "[a\x02](http://example.org/\x03)",
};

static void
test_hostile (void)
{
  for (size_t i = 0; i < G_N_ELEMENTS (hostile_inputs); i++)
    {
      g_autofree char *html = cd_markdown_to_html (hostile_inputs[i], -1);
      g_autofree char *text = cd_markdown_to_plain_text (hostile_inputs[i], -1);
      g_autoptr(GPtrArray) blocks = cd_markdown_to_blocks (hostile_inputs[i], -1);

      g_test_message ("hostile input \"%s\" gives \"%s\"", hostile_inputs[i], html);
      assert_no_script (html);
      assert_safe_xhtml (html);
      g_assert_true (g_utf8_validate (text, -1, NULL));

      for (guint j = 0; j < blocks->len; j++)
        {
          CdBlock *block = g_ptr_array_index (blocks, j);

          assert_no_script (cd_block_get_html (block));
          assert_safe_xhtml (cd_block_get_html (block));
          if (cd_block_get_url (block) != NULL)
            assert_safe_url (cd_block_get_url (block));
        }
    }
}

static void
test_invalid_input (void)
{
  const char with_nul[] = "a\0b *c*";
  g_autofree char *html = cd_markdown_to_html (with_nul, sizeof with_nul - 1);
  g_autofree char *text = cd_markdown_to_plain_text (with_nul, sizeof with_nul - 1);
  g_autofree char *bad_html = cd_markdown_to_html ("caf\xe9 \xff\xfe *ok*", -1);
  g_autofree char *bad_text = cd_markdown_to_plain_text ("caf\xe9 \xff", -1);

  g_assert_cmpstr (html, ==, "<p>a\xef\xbf\xbd" "b <em>c</em></p>\n");
  g_assert_cmpstr (text, ==, "a\xef\xbf\xbd" "b c");
  g_assert_true (g_utf8_validate (bad_html, -1, NULL));
  g_assert_true (g_utf8_validate (bad_text, -1, NULL));
  g_assert_nonnull (strstr (bad_html, "<em>ok</em>"));
  assert_safe_xhtml (bad_html);
}

static void
test_golden (void)
{
  g_autofree char *markdown = read_fixture ("article.md");
  g_autofree char *expected_html = read_fixture ("article.html");
  g_autofree char *expected_text = read_fixture ("article.txt");
  g_autofree char *html = cd_markdown_to_html (markdown, -1);
  g_autofree char *text = cd_markdown_to_plain_text (markdown, -1);

  /* The golden text file may end with an editor's final newline. */
  g_strchomp (expected_text);

  g_assert_cmpstr (html, ==, expected_html);
  g_assert_cmpstr (text, ==, expected_text);
  assert_safe_xhtml (html);
}

static void
assert_strv (const char * const *strv,
             ...)
{
  va_list args;
  guint i = 0;
  const char *expected;

  g_assert_nonnull (strv);
  va_start (args, strv);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (strv[i]);
      g_assert_cmpstr (strv[i], ==, expected);
      i++;
    }
  va_end (args);
  g_assert_null (strv[i]);
}

static void
test_blocks (void)
{
  g_autofree char *markdown = read_fixture ("article.md");
  g_autofree char *html = cd_markdown_to_html (markdown, -1);
  g_autofree char *text = cd_markdown_to_plain_text (markdown, -1);
  g_autoptr(GPtrArray) blocks = cd_markdown_to_blocks (markdown, -1);
  g_autoptr(GString) joined_html = g_string_new (NULL);
  g_autoptr(GString) joined_text = g_string_new (NULL);
  static const CdBlockType expected_types[] = {
    CD_BLOCK_HEADING, CD_BLOCK_PARAGRAPH, CD_BLOCK_HEADING, CD_BLOCK_LIST, CD_BLOCK_LIST,
    CD_BLOCK_QUOTE, CD_BLOCK_IMAGE, CD_BLOCK_TABLE, CD_BLOCK_CODE, CD_BLOCK_DIVIDER,
    CD_BLOCK_HEADING, CD_BLOCK_PARAGRAPH,
  };
  CdBlock *block;

  g_assert_cmpuint (blocks->len, ==, G_N_ELEMENTS (expected_types));
  for (guint i = 0; i < blocks->len; i++)
    {
      block = g_ptr_array_index (blocks, i);
      g_assert_cmpint (cd_block_get_block_type (block), ==, expected_types[i]);
      g_assert_nonnull (cd_block_get_html (block));
      g_assert_nonnull (cd_block_get_text (block));
      assert_safe_xhtml (cd_block_get_html (block));

      /* The blocks are the document, cut up. */
      g_string_append (joined_html, cd_block_get_html (block));
      if (cd_block_get_text (block)[0] != '\0')
        g_string_append_printf (joined_text, "%s%s",
                                joined_text->len > 0 ? "\n\n" : "",
                                cd_block_get_text (block));
    }
  g_assert_cmpstr (joined_html->str, ==, html);
  g_assert_cmpstr (joined_text->str, ==, text);

  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpuint (cd_block_get_level (block), ==, 1);
  g_assert_cmpstr (cd_block_get_anchor (block), ==, "council-approves-the-new-cafe-budget");
  g_assert_cmpstr (cd_block_get_content (block), ==, "Council approves the new café budget");
  g_assert_cmpstr (cd_block_get_text (block), ==, "Council approves the new café budget");
  g_assert_null (cd_block_get_items (block));
  g_assert_null (cd_block_get_url (block));

  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpuint (cd_block_get_level (block), ==, 0);
  g_assert_null (cd_block_get_anchor (block));
  g_assert_true (g_str_has_prefix (cd_block_get_content (block),
                                   "The council voted <em>seven to two</em> on Tuesday"));
  g_assert_true (g_str_has_suffix (cd_block_get_content (block),
                                   "<a href=\"mailto:press@example.org\">press@example.org</a>."));
  g_assert_true (g_str_has_prefix (cd_block_get_html (block), "<p>The council"));
  g_assert_true (g_str_has_suffix (cd_block_get_html (block), ".</p>\n"));
  g_assert_true (g_str_has_suffix (cd_block_get_text (block),
                                   "the council site and www.example.org, and questions go to "
                                   "press@example.org."));

  block = g_ptr_array_index (blocks, 3);
  g_assert_false (cd_block_get_ordered (block));
  g_assert_null (cd_block_get_content (block));
  assert_strv (cd_block_get_items (block),
               "Opening hours extend to 22:00",
               "A <del>second</del> third kiosk opens\n<ul>\n<li>near the bridge</li>\n</ul>",
               "Prices stay the same",
               NULL);

  block = g_ptr_array_index (blocks, 4);
  g_assert_true (cd_block_get_ordered (block));
  g_assert_cmpuint (cd_block_get_start (block), ==, 3);
  assert_strv (cd_block_get_items (block),
               "Funding arrives in March.", "Work starts in May.", NULL);
  g_assert_cmpstr (cd_block_get_text (block), ==,
                   "Funding arrives in March.\n\nWork starts in May.");

  block = g_ptr_array_index (blocks, 5);
  assert_strv (cd_block_get_items (block),
               "“We listened,” the mayor said.",
               "The opposition called it &quot;a gamble&quot;.",
               NULL);
  g_assert_cmpstr (cd_block_get_content (block), ==,
                   "<p>“We listened,” the mayor said.</p>\n"
                   "<p>The opposition called it &quot;a gamble&quot;.</p>");

  block = g_ptr_array_index (blocks, 6);
  g_assert_cmpstr (cd_block_get_url (block), ==, "images/cafe.jpg");
  g_assert_cmpstr (cd_block_get_alt (block), ==, "The riverside café at dusk");
  g_assert_cmpstr (cd_block_get_caption (block), ==,
                   "The café will open in June. Photo: A. Reporter");
  g_assert_cmpstr (cd_block_get_text (block), ==, "The riverside café at dusk");
  g_assert_null (cd_block_get_content (block));
  g_assert_true (g_str_has_prefix (cd_block_get_html (block), "<figure>\n"));

  block = g_ptr_array_index (blocks, 7);
  assert_strv (cd_block_get_header_cells (block), "Item", "Cost (€)", NULL);
  g_assert_cmpuint (cd_block_get_n_rows (block), ==, 2);
  assert_strv (cd_block_get_row (block, 0), "Kiosk", "12 000", NULL);
  assert_strv (cd_block_get_row (block, 1), "<em>Total</em>", "48 000", NULL);
  g_assert_true (g_str_has_prefix (cd_block_get_html (block), "<table>\n<thead>\n"));
  g_assert_true (g_str_has_suffix (cd_block_get_html (block), "</tbody>\n</table>\n"));

  block = g_ptr_array_index (blocks, 8);
  g_assert_cmpstr (cd_block_get_language (block), ==, "json");
  g_assert_cmpstr (cd_block_get_text (block), ==, "{ \"budget\": 48000 }");
  g_assert_null (cd_block_get_content (block));

  block = g_ptr_array_index (blocks, 9);
  g_assert_cmpstr (cd_block_get_html (block), ==, "<hr />\n");
  g_assert_cmpstr (cd_block_get_text (block), ==, "");

  block = g_ptr_array_index (blocks, 10);
  g_assert_cmpuint (cd_block_get_level (block), ==, 2);
  g_assert_cmpstr (cd_block_get_anchor (block), ==, "what-changes-2");

  block = g_ptr_array_index (blocks, 11);
  g_assert_cmpstr (cd_block_get_content (block), ==,
                   "Residents can comment until Friday.<br />\n"
                   "Email <code>press@example.org</code> with the subject line “Café”.");
  g_assert_cmpstr (cd_block_get_text (block), ==,
                   "Residents can comment until Friday.\n"
                   "Email press@example.org with the subject line “Café”.");
}

static void
test_blocks_details (void)
{
  g_autoptr(GPtrArray) blocks = cd_markdown_to_blocks (
    "- loose\n\n- list\n\n  two paragraphs\n\n"
    "![no caption](http://example.org/a.png)\n\n"
    "![refused](javascript:alert(1) \"t\")\n\n"
    "<div onclick=\"x\">\n\n"
    "> # Quoted heading\n> ```\n> code\n> ```\n\n"
    "```\nfirst\n\n\nafter blank lines\n```\n\n"
    "    indented\n\n"
    "| h |\n|---|\n", -1);
  g_autoptr(CdBlock) ref = NULL;
  CdBlock *block;

  g_assert_cmpuint (blocks->len, ==, 8);

  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (cd_block_get_block_type (block), ==, CD_BLOCK_LIST);
  g_assert_cmpuint (cd_block_get_start (block), ==, 0);
  assert_strv (cd_block_get_items (block),
               "loose", "<p>list</p>\n<p>two paragraphs</p>", NULL);

  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (cd_block_get_block_type (block), ==, CD_BLOCK_IMAGE);
  g_assert_cmpstr (cd_block_get_url (block), ==, "http://example.org/a.png");
  g_assert_cmpstr (cd_block_get_alt (block), ==, "no caption");
  g_assert_null (cd_block_get_caption (block));
  g_assert_cmpstr (cd_block_get_html (block), ==,
                   "<p><img src=\"http://example.org/a.png\" alt=\"no caption\" /></p>\n");

  /* A refused image leaves a paragraph of its alt text, as in the HTML. */
  block = g_ptr_array_index (blocks, 2);
  g_assert_cmpint (cd_block_get_block_type (block), ==, CD_BLOCK_PARAGRAPH);
  g_assert_cmpstr (cd_block_get_content (block), ==, "refused");
  g_assert_null (cd_block_get_url (block));

  block = g_ptr_array_index (blocks, 3);
  g_assert_cmpint (cd_block_get_block_type (block), ==, CD_BLOCK_PARAGRAPH);
  g_assert_cmpstr (cd_block_get_content (block), ==, "&lt;div onclick=&quot;x&quot;&gt;");
  g_assert_cmpstr (cd_block_get_text (block), ==, "<div onclick=\"x\">");

  block = g_ptr_array_index (blocks, 4);
  g_assert_cmpint (cd_block_get_block_type (block), ==, CD_BLOCK_QUOTE);
  assert_strv (cd_block_get_items (block),
               "Quoted heading", "<pre><code>code\n</code></pre>", NULL);

  block = g_ptr_array_index (blocks, 5);
  g_assert_cmpint (cd_block_get_block_type (block), ==, CD_BLOCK_CODE);
  g_assert_null (cd_block_get_language (block));
  g_assert_cmpstr (cd_block_get_text (block), ==, "first\n\n\nafter blank lines");

  block = g_ptr_array_index (blocks, 6);
  g_assert_cmpint (cd_block_get_block_type (block), ==, CD_BLOCK_CODE);
  g_assert_cmpstr (cd_block_get_text (block), ==, "indented");

  block = g_ptr_array_index (blocks, 7);
  g_assert_cmpint (cd_block_get_block_type (block), ==, CD_BLOCK_TABLE);
  assert_strv (cd_block_get_header_cells (block), "h", NULL);
  g_assert_cmpuint (cd_block_get_n_rows (block), ==, 0);

  /* Blocks are reference counted and outlive their array. */
  ref = cd_block_ref (g_ptr_array_index (blocks, 1));
  g_clear_pointer (&blocks, g_ptr_array_unref);
  g_assert_cmpstr (cd_block_get_alt (ref), ==, "no caption");
  g_assert_true (G_TYPE_IS_BOXED (CD_TYPE_BLOCK));
}

typedef struct
{
  const char *name;
  char *markdown;
} Pathological;

static void
test_pathological (void)
{
  Pathological inputs[6];
  GString *s;

  inputs[0].name = "100 KB of [";
  inputs[0].markdown = g_strnfill (100 * 1024, '[');

  s = g_string_new (NULL);
  while (s->len < 100 * 1024)
    g_string_append (s, "*a **a ***a ");
  inputs[1].name = "100 KB of *a **a ***a";
  inputs[1].markdown = g_string_free (s, FALSE);

  s = g_string_new (NULL);
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "> ");
  g_string_append (s, "deep\n");
  inputs[2].name = "10,000 nested quotes";
  inputs[2].markdown = g_string_free (s, FALSE);

  s = g_string_new (NULL);
  for (guint row = 0; row < 4; row++)
    {
      for (guint col = 0; col < 3000; col++)
        g_string_append (s, row == 1 ? "|---" : "| a ");
      g_string_append (s, "|\n");
    }
  inputs[3].name = "3,000-column table";
  inputs[3].markdown = g_string_free (s, FALSE);

  s = g_string_new (NULL);
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "# Same heading\n\n");
  inputs[4].name = "10,000 identical headings";
  inputs[4].markdown = g_string_free (s, FALSE);

  s = g_string_new (NULL);
  while (s->len < 100 * 1024)
    g_string_append (s, "![a](b \"c\")[x](javascript:y) <b onclick=z> &amp; ");
  inputs[5].name = "100 KB of images, links, raw HTML";
  inputs[5].markdown = g_string_free (s, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *html = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) blocks = NULL;
      gint64 start, html_done, text_done, blocks_done;

      start = g_get_monotonic_time ();
      html = cd_markdown_to_html (inputs[i].markdown, -1);
      html_done = g_get_monotonic_time ();
      text = cd_markdown_to_plain_text (inputs[i].markdown, -1);
      text_done = g_get_monotonic_time ();
      blocks = cd_markdown_to_blocks (inputs[i].markdown, -1);
      blocks_done = g_get_monotonic_time ();

      g_test_message ("%s (%zu bytes): HTML %.2f ms, plain text %.2f ms, blocks %.2f ms",
                      inputs[i].name, strlen (inputs[i].markdown),
                      (html_done - start) / 1000.0, (text_done - html_done) / 1000.0,
                      (blocks_done - text_done) / 1000.0);

      g_assert_cmpuint (strlen (html), >, 0);
      g_assert_cmpuint (blocks->len, >, 0);
      assert_no_script (html);
      assert_safe_xhtml (html);
      g_free (inputs[i].markdown);
    }
}

static void
test_pathological_shapes (void)
{
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autoptr(GString) headings = g_string_new (NULL);
  g_autofree char *html = NULL;
  g_autofree char *expected_id = NULL;
  const char *p;
  guint count = 0;

  /* The 10,000 quotes really nest, and close. */
  for (guint i = 0; i < 10000; i++)
    g_string_append (quotes, "> ");
  g_string_append (quotes, "deep");
  html = cd_markdown_to_html (quotes->str, -1);
  for (p = html; (p = strstr (p, "<blockquote>")) != NULL; p++)
    count++;
  g_assert_cmpuint (count, ==, 10000);
  g_assert_nonnull (strstr (html, "<p>deep</p>"));
  g_clear_pointer (&html, g_free);

  for (guint i = 0; i < 10000; i++)
    g_string_append (headings, "## Same\n");
  html = cd_markdown_to_html (headings->str, -1);
  expected_id = g_strdup_printf ("<h2 id=\"same-%u\">", 10000);
  g_assert_nonnull (strstr (html, expected_id));
}

/* Inputs the fuzzers once crashed on (tests/fuzz/crashers): rendering them,
 * and the Markdown made from the HTML ones, must finish. A crash or sanitizer
 * report here fails the whole test program. */
static void
test_fuzz_crashers (void)
{
  const char *folders[] = { "markdown", "html-markdown" };
  guint replayed = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CD_SOURCE_ROOT"), "tests", "fuzz",
                                                "crashers", folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *data = NULL;
          g_autofree char *markdown = NULL;
          g_autofree char *html = NULL;
          g_autofree char *text = NULL;
          g_autoptr(GPtrArray) blocks = NULL;
          gsize length = 0;

          if (g_str_equal (name, "README"))
            continue;
          g_assert_true (g_file_get_contents (file, &data, &length, NULL));
          if (g_str_equal (folders[f], "html-markdown"))
            markdown = cd_html_to_markdown (data, length);
          else
            markdown = g_strndup (data, length);

          html = cd_markdown_to_html (markdown, -1);
          text = cd_markdown_to_plain_text (markdown, -1);
          blocks = cd_markdown_to_blocks (markdown, -1);
          g_assert_nonnull (html);
          g_assert_nonnull (text);
          g_assert_nonnull (blocks);
          replayed++;
        }
    }

  /* An image that ends before a link inside it. */
  g_assert_cmpuint (replayed, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cd_test_init (&argc, &argv);
  LIBXML_TEST_VERSION;

  g_test_add_func ("/markdown/empty", test_empty);
  g_test_add_func ("/markdown/length", test_length);
  g_test_add_func ("/markdown/plain-text/constructs", test_plain_text);
  g_test_add_func ("/markdown/plain-text/paragraphs", test_plain_text_paragraphs);
  g_test_add_func ("/markdown/html/constructs", test_html);
  g_test_add_func ("/markdown/html/figure", test_figure);
  g_test_add_func ("/markdown/html/heading-ids", test_heading_ids);
  g_test_add_func ("/markdown/html/refused-urls", test_refused_urls);
  g_test_add_func ("/markdown/html/hostile", test_hostile);
  g_test_add_func ("/markdown/invalid-input", test_invalid_input);
  g_test_add_func ("/markdown/golden", test_golden);
  g_test_add_func ("/markdown/blocks/article", test_blocks);
  g_test_add_func ("/markdown/blocks/details", test_blocks_details);
  g_test_add_func ("/markdown/pathological/timing", test_pathological);
  g_test_add_func ("/markdown/pathological/shapes", test_pathological_shapes);
  g_test_add_func ("/markdown/fuzz-crashers", test_fuzz_crashers);

  ret = g_test_run ();
  xmlCleanupParser ();
  return ret;
}
