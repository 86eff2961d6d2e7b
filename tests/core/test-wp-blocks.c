/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Markdown as WordPress block markup: each case is the exact markup the
 * block editor of WordPress 6.1 saves for the same content, so that a
 * published post opens as blocks with no "unexpected content" warning. */

#include "config.h"

#include <string.h>

#include "copydesk-core.h"
#include "cd-test-util.h"

typedef struct
{
  const char *name;
  const char *markdown;
  const char *blocks;
} Case;

static const Case cases[] = {
  { "empty", "", "" },
  { "blank", "  \n\n", "" },
  { "paragraph",
    "The ferry sails at dawn.",
    "<!-- wp:paragraph -->\n<p>The ferry sails at dawn.</p>\n<!-- /wp:paragraph -->" },
  { "two-paragraphs",
    "One.\n\nTwo.",
    "<!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n"
    "<!-- wp:paragraph -->\n<p>Two.</p>\n<!-- /wp:paragraph -->" },
  /* wpautop is off for block content, but a newline inside <p> would still
   * show as a <br> in the editor: soft breaks are spaces. */
  { "soft-break",
    "The ferry\nsails at dawn.",
    "<!-- wp:paragraph -->\n<p>The ferry sails at dawn.</p>\n<!-- /wp:paragraph -->" },
  { "hard-break",
    "Line one  \nLine two\\\nLine three",
    "<!-- wp:paragraph -->\n<p>Line one<br>Line two<br>Line three</p>\n<!-- /wp:paragraph -->" },
  /* No bracketed text may run as a shortcode. */
  { "brackets",
    "See [gallery ids=\"1,2\"] and [caption]x[/caption], [1].",
    "<!-- wp:paragraph -->\n<p>See &#91;gallery ids=\"1,2\"&#93; and &#91;caption&#93;x&#91;/caption&#93;, &#91;1&#93;.</p>\n"
    "<!-- /wp:paragraph -->" },
  /* Quotes stay characters so that wptexturize can curl them. */
  { "quotes",
    "She said \"it's late\" & left <now>.",
    "<!-- wp:paragraph -->\n<p>She said \"it's late\" &amp; left &lt;now&gt;.</p>\n<!-- /wp:paragraph -->" },
  { "entities",
    "Fish &amp; chips &copy; &#91;x&#93; &quot;q&quot; &unknown;",
    "<!-- wp:paragraph -->\n<p>Fish &amp; chips © &#91;x&#93; \"q\" &amp;unknown;</p>\n<!-- /wp:paragraph -->" },
  { "inline",
    "*em* **strong** ~~gone~~ `a [b] <c>` [link](https://example.org/a?b=1&c=\"2\" \"Its 'title'\")",
    "<!-- wp:paragraph -->\n<p><em>em</em> <strong>strong</strong> <s>gone</s> <code>a &#91;b&#93; &lt;c&gt;</code> "
    "<a href=\"https://example.org/a?b=1&amp;c=%222%22\" title=\"Its &#039;title&#039;\">link</a></p>\n<!-- /wp:paragraph -->" },
  /* The page's link policy. */
  { "unsafe-link",
    "[click](javascript:alert(1)) and ![x](data:text/html,hi)",
    "<!-- wp:paragraph -->\n<p>click and x</p>\n<!-- /wp:paragraph -->" },
  { "inline-html",
    "A <span onclick=\"x()\">b</span> c",
    "<!-- wp:paragraph -->\n<p>A &lt;span onclick=\"x()\"&gt;b&lt;/span&gt; c</p>\n<!-- /wp:paragraph -->" },
  { "heading-2",
    "## Timetable",
    "<!-- wp:heading -->\n<h2>Timetable</h2>\n<!-- /wp:heading -->" },
  { "heading-3",
    "### Night *sailings*",
    "<!-- wp:heading {\"level\":3} -->\n<h3>Night <em>sailings</em></h3>\n<!-- /wp:heading -->" },
  { "list",
    "- One\n- Two",
    "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>One</li>\n<!-- /wp:list-item -->\n\n"
    "<!-- wp:list-item -->\n<li>Two</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->" },
  { "ordered-list",
    "1. One\n2. Two",
    "<!-- wp:list {\"ordered\":true} -->\n<ol><!-- wp:list-item -->\n<li>One</li>\n<!-- /wp:list-item -->\n\n"
    "<!-- wp:list-item -->\n<li>Two</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->" },
  { "ordered-list-start",
    "3. Three\n4. Four",
    "<!-- wp:list {\"ordered\":true,\"start\":3} -->\n<ol start=\"3\"><!-- wp:list-item -->\n<li>Three</li>\n"
    "<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Four</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->" },
  { "nested-list",
    "- Ports\n  1. Dover\n  2. Calais\n- Ships",
    "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Ports<!-- wp:list {\"ordered\":true} -->\n"
    "<ol><!-- wp:list-item -->\n<li>Dover</li>\n<!-- /wp:list-item -->\n\n"
    "<!-- wp:list-item -->\n<li>Calais</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list --></li>\n"
    "<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Ships</li>\n<!-- /wp:list-item --></ul>\n"
    "<!-- /wp:list -->" },
  /* A list item holds text only: the paragraphs of a loose item are
   * joined with a line break. */
  { "loose-list",
    "- First\n\n  more\n\n- Second",
    "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>First<br>more</li>\n<!-- /wp:list-item -->\n\n"
    "<!-- wp:list-item -->\n<li>Second</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->" },
  { "quote",
    "> Crossing is *calm*.\n>\n> Second.",
    "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Crossing is <em>calm</em>.</p>\n"
    "<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Second.</p>\n<!-- /wp:paragraph --></blockquote>\n"
    "<!-- /wp:quote -->" },
  { "table",
    "| Port | Time |\n| :-- | --: |\n| Dover [A] | 06:00 |\n| Calais | 07:30 |",
    "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><thead><tr>"
    "<th class=\"has-text-align-left\" data-align=\"left\">Port</th>"
    "<th class=\"has-text-align-right\" data-align=\"right\">Time</th></tr></thead><tbody><tr>"
    "<td class=\"has-text-align-left\" data-align=\"left\">Dover &#91;A&#93;</td>"
    "<td class=\"has-text-align-right\" data-align=\"right\">06:00</td></tr><tr>"
    "<td class=\"has-text-align-left\" data-align=\"left\">Calais</td>"
    "<td class=\"has-text-align-right\" data-align=\"right\">07:30</td></tr></tbody></table></figure>\n"
    "<!-- /wp:table -->" },
  { "image",
    "![The \"Dawn\" ferry](https://example.org/ferry.jpg)",
    "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://example.org/ferry.jpg\" "
    "alt=\"The &quot;Dawn&quot; ferry\"/></figure>\n<!-- /wp:image -->" },
  { "image-caption",
    "![Ferry](images/ferry.jpg \"Leaving Dover [photo]\")",
    "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"images/ferry.jpg\" alt=\"Ferry\"/>"
    "<figcaption class=\"wp-element-caption\">Leaving Dover &#91;photo&#93;</figcaption></figure>\n"
    "<!-- /wp:image -->" },
  { "inline-image",
    "Look: ![x](https://example.org/x.png) here",
    "<!-- wp:paragraph -->\n<p>Look: <img src=\"https://example.org/x.png\" alt=\"x\"/> here</p>\n"
    "<!-- /wp:paragraph -->" },
  { "separator",
    "One\n\n---\n\nTwo",
    "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n"
    "<!-- wp:separator -->\n<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>\n<!-- /wp:separator -->\n\n"
    "<!-- wp:paragraph -->\n<p>Two</p>\n<!-- /wp:paragraph -->" },
  { "code",
    "```c\nif (a < b && c[0])\n  \"go\";\n```",
    "<!-- wp:code -->\n<pre class=\"wp-block-code\"><code>if (a &lt; b &amp;&amp; c&#91;0&#93;)\n  \"go\";</code></pre>\n"
    "<!-- /wp:code -->" },
  /* Raw HTML reaches readers as the preview shows it: as text, never as
   * markup the site would run, and never able to end a block early. */
  { "html",
    "<div class=\"embed\">\n<iframe src=\"https://example.org/map\"></iframe>\n</div>",
    "<!-- wp:paragraph -->\n<p>&lt;div class=\"embed\"&gt; &lt;iframe src=\"https://example.org/map\"&gt;"
    "&lt;/iframe&gt; &lt;/div&gt;</p>\n<!-- /wp:paragraph -->" },
  { "html-comment",
    "<!-- /wp:html -->\n<script>alert(1)</script>",
    "<!-- wp:paragraph -->\n<p>&lt;!-- /wp:html --&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    "<!-- /wp:paragraph -->" },
  { "greek",
    "## Το πλοίο\n\nΑναχωρεί «στις έξι».",
    "<!-- wp:heading -->\n<h2>Το πλοίο</h2>\n<!-- /wp:heading -->\n\n"
    "<!-- wp:paragraph -->\n<p>Αναχωρεί «στις έξι».</p>\n<!-- /wp:paragraph -->" },
  { "japanese",
    "フェリーは**午前六時**に出航する。\n「静かな海」",
    "<!-- wp:paragraph -->\n<p>フェリーは<strong>午前六時</strong>に出航する。 「静かな海」</p>\n<!-- /wp:paragraph -->" },
  { "control-characters",
    "a\x01" "b",
    "<!-- wp:paragraph -->\n<p>a\xef\xbf\xbd" "b</p>\n<!-- /wp:paragraph -->" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *blocks = cd_wp_blocks_from_markdown (c->markdown, -1);

  g_assert_cmpstr (blocks, ==, c->blocks);
}

static void
test_null (void)
{
  g_autofree char *blocks = cd_wp_blocks_from_markdown (NULL, -1);
  g_autofree char *invalid = cd_wp_blocks_from_markdown ("a\xff" "b", 3);

  g_assert_cmpstr (blocks, ==, "");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
}

/* Every sample article converts to markup whose block comments balance
 * and that holds no bracket a shortcode could start with. */
static void
test_fixtures (void)
{
  g_autofree char *root = cd_test_dup_source_root ();
  g_autoptr(GPtrArray) fixtures = cd_test_fixtures_new (root);

  for (guint i = 0; i < fixtures->len; i++)
    {
      const CdTestFixture *fixture = g_ptr_array_index (fixtures, i);
      g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = cd_article_load_from_file (file, NULL, &error);
      g_autofree char *blocks = NULL;
      guint opened = 0, closed = 0;

      g_assert_no_error (error);
      blocks = cd_wp_blocks_from_markdown (cd_article_get_body (article), -1);
      for (const char *p = blocks; (p = strstr (p, "<!-- wp:")) != NULL; p++)
        opened++;
      for (const char *p = blocks; (p = strstr (p, "<!-- /wp:")) != NULL; p++)
        closed++;
      g_assert_cmpuint (opened, ==, closed);
      g_assert_null (strchr (blocks, '['));
      g_assert_null (strchr (blocks, ']'));
    }
}

#define WP_BLOCK_PARSER "/usr/share/wordpress/wp-includes/class-wp-block-parser.php"

/* WordPress's own block parser (Debian's wordpress package, which the
 * publishing tests install) reads the markup as the blocks meant, with no
 * stray HTML between them that the editor would show as a Classic block. */
static void
test_wordpress_parser (void)
{
  static const char markdown[] =
    "## Timetable\n\nSailings [from Monday] are \"cut\".\n\n"
    "- Ports\n  1. Dover\n- Ships\n\n> Quote *here*.\n>\n> - in a list\n\n"
    "| A | B |\n|---|--:|\n| 1 | 2 |\n\n![Alt](https://example.org/x.jpg \"Caption\")\n\n"
    "---\n\n```\ncode [x]\n```\n\n<div>raw</div>\n";
  static const char script[] =
    "require $argv[1];"
    "function show ($blocks, $depth) {"
    "  foreach ($blocks as $b) {"
    "    if ($b['blockName'] === null) {"
    "      if (trim ($b['innerHTML']) !== '') echo 'FREEFORM ', json_encode ($b['innerHTML']), \"\\n\";"
    "      continue;"
    "    }"
    "    echo str_repeat (' ', $depth), $b['blockName'], ' ', json_encode ($b['attrs']), \"\\n\";"
    "    show ($b['innerBlocks'], $depth + 1);"
    "  }"
    "}"
    "$p = new WP_Block_Parser ();"
    "show ($p->parse (file_get_contents ('php://stdin')), 0);";
  g_autofree char *php = g_find_program_in_path ("php");
  g_autofree char *blocks = cd_wp_blocks_from_markdown (markdown, -1);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  if (php == NULL || !g_file_test (WP_BLOCK_PARSER, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("PHP and Debian's wordpress package are not installed");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              php, "-r", script, WP_BLOCK_PARSER, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, blocks, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  g_assert_cmpstr (out, ==,
                   "core/heading []\n"
                   "core/paragraph []\n"
                   "core/list []\n"
                   " core/list-item []\n"
                   "  core/list {\"ordered\":true}\n"
                   "   core/list-item []\n"
                   " core/list-item []\n"
                   "core/quote []\n"
                   " core/paragraph []\n"
                   " core/list []\n"
                   "  core/list-item []\n"
                   "core/table []\n"
                   "core/image []\n"
                   "core/separator []\n"
                   "core/code []\n"
                   "core/paragraph []\n");
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wp-blocks/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/wp-blocks/null", test_null);
  g_test_add_func ("/wp-blocks/fixtures", test_fixtures);
  g_test_add_func ("/wp-blocks/wordpress-parser", test_wordpress_parser);

  return g_test_run ();
}
