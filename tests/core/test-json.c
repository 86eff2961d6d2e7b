/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#include "cd-article-file.h"
#include "cd-house-rules.h"
#include "cd-import-ninjs.h"
#include "cd-json.h"
#include "cd-test-util.h"

/* Parses @text, which must be valid, and returns its root. */
static JsonNode *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = cd_json_parse (text, strlen (text), "test.json", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

/* Parses @text, writes it back and returns what was written. */
static char *
rewrite (const char *text)
{
  g_autoptr(JsonNode) node = parse_ok (text);
  gsize length = 0;
  char *written;

  written = cd_json_to_string (node, &length);
  g_assert_nonnull (written);
  g_assert_cmpuint (length, ==, strlen (written));

  return written;
}

/* Asserts that @error has @code and a message that starts with
 * “test.json:@location: ” and contains @phrase. */
static void
assert_error (const GError *error,
              int           code,
              const char   *location,
              const char   *phrase)
{
  g_autofree char *prefix = g_strdup_printf ("test.json:%s: ", location);

  g_assert_error (error, CD_JSON_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, phrase) == NULL)
    g_error ("message “%s” does not start with “%s” or lacks “%s”",
             error->message, prefix, phrase);
}

static const char canonical[] =
  "{\n"
  "  \"headline\": \"Storm closes the harbour\",\n"
  "  \"standfirst\": \"Ferries stay in port: \\\"the worst in a decade\\\"\\nsays the master\",\n"
  "  \"zebra\": 3,\n"
  "  \"apple\": -42,\n"
  "  \"max\": 9223372036854775807,\n"
  "  \"min\": -9223372036854775808,\n"
  "  \"ratio\": 0.1,\n"
  "  \"third\": 0.3333333333333333,\n"
  "  \"sum\": 0.30000000000000004,\n"
  "  \"huge\": 1e308,\n"
  "  \"small\": 1.5e-7,\n"
  "  \"round\": 100.0,\n"
  "  \"negative_zero\": -0.0,\n"
  "  \"yes\": true,\n"
  "  \"no\": false,\n"
  "  \"nothing\": null,\n"
  "  \"empty_object\": {},\n"
  "  \"empty_array\": [],\n"
  "  \"unicode\": \"é ünïcödé 😀 — “quotes”\",\n"
  "  \"escapes\": \"a/b \\\\ \\t \\r \\b \\f \\u0001 \\u001f \\u2028 \\u2029\",\n"
  "  \"\": \"empty key\",\n"
  "  \"nested\": [\n"
  "    1,\n"
  "    [\n"
  "      2,\n"
  "      {\n"
  "        \"z\": [],\n"
  "        \"a\": {\n"
  "          \"deep\": \"yes\"\n"
  "        }\n"
  "      }\n"
  "    ],\n"
  "    \"last\"\n"
  "  ]\n"
  "}\n";

static void
test_round_trip (void)
{
  g_autofree char *written = rewrite (canonical);

  g_assert_cmpstr (written, ==, canonical);
}

static void
test_round_trip_scalars (void)
{
  static const char * const documents[] = {
    "1\n",
    "-7\n",
    "2.5\n",
    "\"text\"\n",
    "true\n",
    "false\n",
    "null\n",
    "{}\n",
    "[]\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *written = rewrite (documents[i]);

      g_assert_cmpstr (written, ==, documents[i]);
    }
}

static void
test_rewrite_compact (void)
{
  g_autofree char *written = NULL;

  written = rewrite ("  {\"b\":[1,2,{\"c\":null}],\"a\":{},\"e\":\"\\/\\u00e9\"}  ");
  g_assert_cmpstr (written, ==,
                   "{\n"
                   "  \"b\": [\n"
                   "    1,\n"
                   "    2,\n"
                   "    {\n"
                   "      \"c\": null\n"
                   "    }\n"
                   "  ],\n"
                   "  \"a\": {},\n"
                   "  \"e\": \"/é\"\n"
                   "}\n");
}

static void
test_insertion_order (void)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GString) expected = g_string_new ("{\n");
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  guint n_keys = 1000;
  guint i = 0;

  /* Keys in an order that is neither sorted nor the hash table's. */
  for (i = 0; i < n_keys; i++)
    {
      g_autofree char *key = g_strdup_printf ("k%u", (i * 7919) % 10007);

      json_object_set_int_member (object, key, i);
      g_string_append_printf (expected, "  \"%s\": %u%s\n", key, i, i + 1 < n_keys ? "," : "");
    }
  g_string_append (expected, "}\n");
  json_node_set_object (root, object);

  written = cd_json_to_string (root, NULL);
  g_assert_cmpstr (written, ==, expected->str);

  /* And the parser inserts members in document order. */
  parsed = parse_ok (written);
  members = json_object_get_members (json_node_get_object (parsed));
  g_assert_cmpuint (g_list_length (members), ==, n_keys);
  i = 0;
  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      g_autofree char *key = g_strdup_printf ("k%u", (i * 7919) % 10007);

      g_assert_cmpstr (l->data, ==, key);
    }

  rewritten = cd_json_to_string (parsed, NULL);
  g_assert_cmpstr (rewritten, ==, expected->str);
}

static void
test_parse_values (void)
{
  g_autoptr(JsonNode) root = parse_ok ("{\"s\": \"x\", \"i\": 12, \"d\": 1.25, \"t\": true, "
                                       "\"f\": false, \"n\": null, \"a\": [1, \"two\"], "
                                       "\"o\": {\"k\": \"v\"}}");
  JsonObject *object;
  JsonArray *array;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (object), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (object, "s"), ==, "x");
  g_assert_cmpint (json_object_get_int_member (object, "i"), ==, 12);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "i")) == G_TYPE_INT64);
  g_assert_cmpfloat (json_object_get_double_member (object, "d"), ==, 1.25);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "d")) == G_TYPE_DOUBLE);
  g_assert_true (json_object_get_boolean_member (object, "t"));
  g_assert_false (json_object_get_boolean_member (object, "f"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, "n")));
  array = json_object_get_array_member (object, "a");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "two");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "o"), "k"),
                   ==, "v");
}

static void
test_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *written = NULL;

  node = parse_ok ("\xEF\xBB\xBF{\"a\": 1}");
  written = cd_json_to_string (node, NULL);
  g_assert_cmpstr (written, ==, "{\n  \"a\": 1\n}\n");

  /* Columns count from after the byte order mark. */
  g_clear_pointer (&node, json_node_unref);
  node = cd_json_parse ("\xEF\xBB\xBF[1,]", 7, "test.json", 0, &error);
  g_assert_null (node);
  assert_error (error, CD_JSON_ERROR_SYNTAX, "1:3", "trailing comma");
  g_clear_error (&error);

  /* A byte order mark and nothing else is an empty file. */
  node = cd_json_parse ("\xEF\xBB\xBF", 3, "test.json", 0, &error);
  g_assert_null (node);
  assert_error (error, CD_JSON_ERROR_EMPTY, "1:1", "the file is empty");
  g_clear_error (&error);

  /* Only at the start. */
  node = cd_json_parse ("[1, \xEF\xBB\xBF 2]", 10, "test.json", 0, &error);
  g_assert_null (node);
  assert_error (error, CD_JSON_ERROR_SYNTAX, "1:5", "U+FEFF");
}

static void
test_numbers (void)
{
  g_autoptr(JsonNode) root = parse_ok ("[9223372036854775807, -9223372036854775808, "
                                       "9223372036854775808, -0, -0.0, 1e308, 0.1, "
                                       "1E+2, 1e-400, 0, 12.5e1]");
  JsonArray *array = json_node_get_array (root);
  JsonNode *element;

  g_assert_cmpuint (json_array_get_length (array), ==, 11);

  element = json_array_get_element (array, 0);
  g_assert_true (json_node_get_value_type (element) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (element), ==, G_MAXINT64);

  element = json_array_get_element (array, 1);
  g_assert_true (json_node_get_value_type (element) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (element), ==, G_MININT64);

  /* One past the largest gint64 becomes a double. */
  element = json_array_get_element (array, 2);
  g_assert_true (json_node_get_value_type (element) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (element), ==, 9223372036854775808.0);

  /* gint64 has no negative zero: “-0” is the integer 0 … */
  element = json_array_get_element (array, 3);
  g_assert_true (json_node_get_value_type (element) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (element), ==, 0);

  /* … but “-0.0” keeps its sign. */
  element = json_array_get_element (array, 4);
  g_assert_true (json_node_get_value_type (element) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (element), ==, 0.0);
  g_assert_true (signbit (json_node_get_double (element)));

  element = json_array_get_element (array, 5);
  g_assert_cmpfloat (json_node_get_double (element), ==, 1e308);

  element = json_array_get_element (array, 6);
  g_assert_cmpfloat (json_node_get_double (element), ==, 0.1);

  element = json_array_get_element (array, 7);
  g_assert_true (json_node_get_value_type (element) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (element), ==, 100.0);

  /* Underflow rounds to zero, as every JSON parser does. */
  element = json_array_get_element (array, 8);
  g_assert_true (json_node_get_value_type (element) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (element), ==, 0.0);

  element = json_array_get_element (array, 9);
  g_assert_true (json_node_get_value_type (element) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (element), ==, 0);

  element = json_array_get_element (array, 10);
  g_assert_cmpfloat (json_node_get_double (element), ==, 125.0);
}

static void
test_write_numbers (void)
{
  static const struct {
    double value;
    const char *text;
  } cases[] = {
    { 0.1, "0.1\n" },
    { 0.1 + 0.2, "0.30000000000000004\n" },
    { 1.0 / 3.0, "0.3333333333333333\n" },
    { 100.0, "100.0\n" },
    { -2.0, "-2.0\n" },
    { 0.0, "0.0\n" },
    { -0.0, "-0.0\n" },
    { 1e308, "1e308\n" },
    { 1e20, "1e20\n" },
    { 1.5e-7, "1.5e-7\n" },
    { 1e-5, "1e-5\n" },
    { 123456789012345.0, "123456789012345.0\n" },
    { 1234567890123456.0, "1234567890123456.0\n" },
    { 1e15, "1e15\n" },
    { 1e16 + 2.0, "10000000000000002.0\n" },
    { 4.9406564584124654e-324, "4.94065645841247e-324\n" },
    { 1.7976931348623157e308, "1.7976931348623157e308\n" },
    { NAN, "null\n" },
    { INFINITY, "null\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), cases[i].value);
      g_autofree char *written = cd_json_to_string (node, NULL);

      g_assert_cmpstr (written, ==, cases[i].text);

      /* What is written reads back as the same double. */
      if (isfinite (cases[i].value))
        {
          g_autoptr(JsonNode) back = parse_ok (written);

          g_assert_true (json_node_get_value_type (back) == G_TYPE_DOUBLE);
          g_assert_cmpfloat (json_node_get_double (back), ==, cases[i].value);
          g_assert_true (!signbit (json_node_get_double (back)) == !signbit (cases[i].value));
        }
    }
}

static void
test_write_integers (void)
{
  g_autoptr(JsonNode) max = json_node_init_int (json_node_alloc (), G_MAXINT64);
  g_autoptr(JsonNode) min = json_node_init_int (json_node_alloc (), G_MININT64);
  g_autofree char *max_text = cd_json_to_string (max, NULL);
  g_autofree char *min_text = cd_json_to_string (min, NULL);

  g_assert_cmpstr (max_text, ==, "9223372036854775807\n");
  g_assert_cmpstr (min_text, ==, "-9223372036854775808\n");
}

static void
test_unicode_escapes (void)
{
  g_autoptr(JsonNode) root = parse_ok ("[\"\\u00e9\\u00C9\", \"\\ud83d\\ude00\", "
                                       "\"\\uD834\\uDD1E\", "
                                       "\"\\u2028\", \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", "
                                       "\"\\u0041\\u20AC\", \"\\uffff\"]");
  JsonArray *array = json_node_get_array (root);
  g_autofree char *written = NULL;

  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "éÉ");
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "😀");
  g_assert_cmpstr (json_array_get_string_element (array, 2), ==, "\xF0\x9D\x84\x9E");
  g_assert_cmpstr (json_array_get_string_element (array, 3), ==, "\xE2\x80\xA8");
  g_assert_cmpstr (json_array_get_string_element (array, 4), ==, "a\"b\\c/d\b\f\n\r\t");
  g_assert_cmpstr (json_array_get_string_element (array, 5), ==, "A€");
  g_assert_cmpstr (json_array_get_string_element (array, 6), ==, "\xEF\xBF\xBF");

  written = cd_json_to_string (root, NULL);
  g_assert_cmpstr (written, ==,
                   "[\n"
                   "  \"éÉ\",\n"
                   "  \"😀\",\n"
                   "  \"\xF0\x9D\x84\x9E\",\n"
                   "  \"\\u2028\",\n"
                   "  \"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\",\n"
                   "  \"A€\",\n"
                   "  \"\xEF\xBF\xBF\"\n"
                   "]\n");
}

static void
test_write_escapes (void)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (),
                                                    "\x01\x1f\x7f/\"\\\xE2\x80\xA9\xE2\x80\xA7x");
  g_autofree char *written = cd_json_to_string (node, NULL);

  /* DEL and U+2027 stay as they are; U+2029 is escaped. */
  g_assert_cmpstr (written, ==, "\"\\u0001\\u001f\x7f/\\\"\\\\\\u2029\xE2\x80\xA7x\"\n");
}

static void
test_large_string (void)
{
  gsize n_chunks = 10 * 1024 * 1024 / 8;
  gsize n_special = 0;
  g_autoptr(GString) text = g_string_sized_new (n_chunks * 8 + 16);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *written = NULL;
  gsize length = 0;
  const char *value;

  /* Ten megabytes of text with an escape and a non-ASCII letter every
   * thousand chunks. A special chunk is 7 bytes in JSON, 5 decoded. */
  g_string_append (text, "[\"");
  for (gsize i = 0; i < n_chunks; i++)
    {
      if (i % 1000 == 0)
        {
          g_string_append (text, "é\\n\\\"x");
          n_special++;
        }
      else
        {
          g_string_append (text, "abcdefgh");
        }
    }
  g_string_append (text, "\"]\n");
  g_assert_cmpuint (n_special, ==, 1311);
  g_assert_cmpuint (text->len, ==, 8 * (n_chunks - n_special) + 7 * n_special + 5);

  node = cd_json_parse (text->str, text->len, "test.json", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  value = json_array_get_string_element (json_node_get_array (node), 0);
  g_assert_cmpuint (strlen (value), ==, 8 * (n_chunks - n_special) + 5 * n_special);
  g_assert_true (g_str_has_prefix (value, "é\n\"xabcdefgh"));

  /* Written back, only the indentation differs: “[\n  "” and “"\n]\n”. */
  written = cd_json_to_string (node, &length);
  g_assert_cmpuint (length, ==, text->len + 4);
  g_assert_true (g_str_has_prefix (written, "[\n  \"é\\n\\\"xabcdefgh"));
  g_assert_true (g_str_has_suffix (written, "abcdefgh\"\n]\n"));
  g_assert_true (memcmp (written + 5, text->str + 2, text->len - 5) == 0);
}

static void
test_deep_arrays (void)
{
  guint depth = 100000;
  g_autoptr(GString) text = g_string_sized_new (2 * depth);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  node = cd_json_parse (text->str, text->len, "test.json", 0, &error);
  g_assert_null (node);
  assert_error (error, CD_JSON_ERROR_TOO_DEEP, "1:65", "nested more than 64 levels deep");
  g_clear_error (&error);

  /* Without a limit that bites, the same depth unclosed fails at the end
   * of the text without recursing on the way in or on the way out. */
  node = cd_json_parse (text->str, depth, "test.json", G_MAXUINT, &error);
  g_assert_null (node);
  assert_error (error, CD_JSON_ERROR_SYNTAX, "1:100001", "the text ends before");
  g_clear_error (&error);

  /* Complete, then junk: the whole deep tree is thrown away. */
  g_string_append (text, "x");
  node = cd_json_parse (text->str, text->len, "test.json", G_MAXUINT, &error);
  g_assert_null (node);
  assert_error (error, CD_JSON_ERROR_SYNTAX, "1:200001",
                "unexpected “x” after the end of the value");
}

static void
test_deep_objects (void)
{
  guint depth = 100000;
  g_autoptr(GString) text = g_string_sized_new (6 * depth);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (text, "{\"a\":");
  g_string_append (text, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '}');

  node = cd_json_parse (text->str, text->len, "test.json", 0, &error);
  g_assert_null (node);
  /* The 65th “{” comes after 64 times “{"a":”. */
  assert_error (error, CD_JSON_ERROR_TOO_DEEP, "1:321", "nested more than 64 levels deep");
  g_clear_error (&error);

  node = cd_json_parse (text->str, text->len - 1, "test.json", G_MAXUINT, &error);
  g_assert_null (node);
  assert_error (error, CD_JSON_ERROR_SYNTAX, "1:600001", "the text ends before");
}

static void
test_max_depth (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  node = cd_json_parse ("[[[1]]]", 7, "test.json", 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_clear_pointer (&node, json_node_unref);

  node = cd_json_parse ("[[[[1]]]]", 9, "test.json", 3, &error);
  g_assert_null (node);
  assert_error (error, CD_JSON_ERROR_TOO_DEEP, "1:4", "nested more than 3 levels deep");
  g_clear_error (&error);

  /* Exactly the default depth is accepted. */
  for (guint i = 0; i < 64; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (text, ']');
  node = cd_json_parse (text->str, text->len, "test.json", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
}

static void
test_write_deep (void)
{
  guint depth = 5000;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *written = NULL;

  for (guint i = 0; i < depth; i++)
    {
      g_string_append_c (text, '[');
      g_string_append_c (text, '\n');
      for (guint j = 0; j <= i; j++)
        g_string_append (text, "  ");
    }
  g_string_append (text, "7");
  for (guint i = depth; i > 0; i--)
    {
      g_string_append_c (text, '\n');
      for (guint j = 1; j < i; j++)
        g_string_append (text, "  ");
      g_string_append_c (text, ']');
    }
  g_string_append_c (text, '\n');

  node = cd_json_parse (text->str, text->len, "test.json", depth, &error);
  g_assert_no_error (error);
  written = cd_json_to_string (node, NULL);
  g_assert_cmpstr (written, ==, text->str);
}

typedef struct
{
  const char *name;
  const char *text;
  gssize      length;     /* -1 for strlen () */
  int         code;
  const char *location;
  const char *phrase;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "empty", "", -1, CD_JSON_ERROR_EMPTY, "1:1", "the file is empty" },
  { "whitespace", " \n\t\r\n ", -1, CD_JSON_ERROR_EMPTY, "1:1", "the file is empty" },
  { "invalid-utf8", "[\"a\",\n \"b\xFF\"]", -1, CD_JSON_ERROR_ENCODING, "2:4",
    "the file is not valid UTF-8 text (byte 0xFF at line 2, column 4); save it as UTF-8" },
  { "invalid-utf8-after-multibyte", "\"éé\xC3\"", -1, CD_JSON_ERROR_ENCODING, "1:4",
    "byte 0xC3 at line 1, column 4" },
  { "overlong-utf8", "\"\xC0\xAF\"", -1, CD_JSON_ERROR_ENCODING, "1:2", "byte 0xC0" },
  { "utf16", "\xFF\xFE[\0]\0", 6, CD_JSON_ERROR_ENCODING, "1:1", "UTF-16" },
  { "nul-byte", "[1,\n 2\0]", 8, CD_JSON_ERROR_ENCODING, "2:3",
    "the file contains a NUL byte; it may be a binary file, not JSON text" },
  { "missing-comma-object", "{\n  \"headline\": \"x\"\n  \"kicker\": \"y\"\n}", -1,
    CD_JSON_ERROR_SYNTAX, "3:3", "expected “,” or “}” after the value of “headline”" },
  { "missing-comma-array", "[1, 2 3]", -1, CD_JSON_ERROR_SYNTAX, "1:7",
    "expected “,” or “]” after element 2 of the array" },
  { "duplicate-key", "{\n  \"headline\": 1,\n  \"x\": 2,\n\n\n\n  \"headline\": 3\n}", -1,
    CD_JSON_ERROR_DUPLICATE_KEY, "7:3",
    "the key “headline” appears twice in the same object; remove one of them" },
  { "duplicate-key-escaped", "{\"a\": 1, \"\\u0061\": 2}", -1, CD_JSON_ERROR_DUPLICATE_KEY,
    "1:10", "the key “a” appears twice" },
  { "truncated-string", "{\"headline\": \"Storm clo", -1, CD_JSON_ERROR_SYNTAX, "1:24",
    "the text ends in the middle of a string (the string starts at line 1, column 14)" },
  { "truncated-escape", "[\"abc\\", -1, CD_JSON_ERROR_SYNTAX, "1:7",
    "the text ends in the middle of a string" },
  { "truncated-unicode-escape", "[\"\\u00", -1, CD_JSON_ERROR_SYNTAX, "1:7",
    "the text ends in the middle of a string" },
  { "truncated-array", "[1, 2", -1, CD_JSON_ERROR_SYNTAX, "1:6",
    "the text ends before the “[” at line 1, column 1 is closed with “]”" },
  { "truncated-array-after-comma", "[1,\n", -1, CD_JSON_ERROR_SYNTAX, "2:1",
    "the text ends before the “[” at line 1, column 1 is closed" },
  { "truncated-object", "{\"a\": {\"b\": 1}", -1, CD_JSON_ERROR_SYNTAX, "1:15",
    "the text ends before the “{” at line 1, column 1 is closed with “}”" },
  { "truncated-object-key", "{\"a\"", -1, CD_JSON_ERROR_SYNTAX, "1:5",
    "the text ends before the “{” at line 1, column 1" },
  { "truncated-before-value", "{\"a\": ", -1, CD_JSON_ERROR_SYNTAX, "1:7",
    "the text ends before the value of “a”" },
  { "trailing-garbage", "{\"a\": 1}}", -1, CD_JSON_ERROR_SYNTAX, "1:9",
    "unexpected “}” after the end of the value" },
  { "trailing-word", "[1]\n  x", -1, CD_JSON_ERROR_SYNTAX, "2:3",
    "unexpected “x” after the end of the value" },
  { "second-value", "1 2", -1, CD_JSON_ERROR_SYNTAX, "1:3", "after the end of the value" },
  { "invalid-escape", "[\"a\\xb\"]", -1, CD_JSON_ERROR_SYNTAX, "1:4",
    "invalid escape “\\x” in a string" },
  { "invalid-escape-apostrophe", "[\"\\'\"]", -1, CD_JSON_ERROR_SYNTAX, "1:3",
    "invalid escape “\\'”" },
  { "short-unicode-escape", "[\"\\u12G4\"]", -1, CD_JSON_ERROR_SYNTAX, "1:3",
    "must be followed by four hexadecimal digits" },
  { "lone-high-surrogate", "[\"\\ud83d\"]", -1, CD_JSON_ERROR_SYNTAX, "1:3",
    "the escape “\\ud83d” is the first half of a surrogate pair" },
  { "high-surrogate-then-text", "[\"\\ud83dx\"]", -1, CD_JSON_ERROR_SYNTAX, "1:3",
    "first half of a surrogate pair" },
  { "high-surrogate-then-bmp", "[\"\\ud83d\\u0041\"]", -1, CD_JSON_ERROR_SYNTAX, "1:3",
    "first half of a surrogate pair" },
  { "two-high-surrogates", "[\"\\ud83d\\ud83d\"]", -1, CD_JSON_ERROR_SYNTAX, "1:3",
    "first half of a surrogate pair" },
  { "lone-low-surrogate", "[\"ab\\uDE00\"]", -1, CD_JSON_ERROR_SYNTAX, "1:5",
    "the escape “\\uDE00” is the second half of a surrogate pair" },
  { "nul-escape", "{\"body\": \"a\\u0000b\"}", -1, CD_JSON_ERROR_SYNTAX, "1:12",
    "the escape “\\u0000” stands for a NUL character" },
  { "raw-tab", "[\"a\tb\"]", -1, CD_JSON_ERROR_SYNTAX, "1:4",
    "a string must not contain a tab character; write it as “\\t”" },
  { "raw-newline", "[\"a\nb\"]", -1, CD_JSON_ERROR_SYNTAX, "1:4",
    "a string must not contain a line break" },
  { "raw-control", "[\"a\x01\"]", -1, CD_JSON_ERROR_SYNTAX, "1:4",
    "the control character U+0001; write it as “\\u0001”" },
  { "leading-zero", "[0123]", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "the number “0123” starts with a leading zero" },
  { "leading-zero-negative", "[-01]", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "the number “-01” starts with a leading zero" },
  { "double-zero", "00", -1, CD_JSON_ERROR_SYNTAX, "1:1", "leading zero" },
  { "nan", "[NaN]", -1, CD_JSON_ERROR_SYNTAX, "1:2", "“NaN” is not a JSON value" },
  { "infinity", "{\"x\": Infinity}", -1, CD_JSON_ERROR_SYNTAX, "1:7",
    "“Infinity” is not a JSON value; JSON numbers must be finite" },
  { "minus-infinity", "[-Infinity]", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "“-Infinity” is not a JSON value" },
  { "line-comment", "// a comment\n{}", -1, CD_JSON_ERROR_SYNTAX, "1:1",
    "comments are not allowed in JSON" },
  { "block-comment-in-array", "[1 /* one */]", -1, CD_JSON_ERROR_SYNTAX, "1:4",
    "comments are not allowed in JSON" },
  { "comment-after-value", "{}\n// done", -1, CD_JSON_ERROR_SYNTAX, "2:1",
    "comments are not allowed in JSON" },
  { "comment-before-key", "{ /* x */ \"a\": 1}", -1, CD_JSON_ERROR_SYNTAX, "1:3",
    "comments are not allowed in JSON" },
  { "trailing-comma-array", "[1, 2, ]", -1, CD_JSON_ERROR_SYNTAX, "1:6",
    "a trailing comma is not allowed before “]”" },
  { "trailing-comma-object", "{\r\n  \"a\": 1,\r\n}", -1, CD_JSON_ERROR_SYNTAX, "2:9",
    "a trailing comma is not allowed before “}”" },
  { "leading-comma", "[,1]", -1, CD_JSON_ERROR_SYNTAX, "1:2", "expected a value before “,”" },
  { "double-comma", "[1,,2]", -1, CD_JSON_ERROR_SYNTAX, "1:4", "expected a value before “,”" },
  { "unquoted-key", "{headline: 1}", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "the key “headline” must be in double quotes" },
  { "single-quoted-key", "{'a': 1}", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "keys must be in double quotes" },
  { "single-quoted-string", "['a']", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "strings must be in double quotes" },
  { "number-key", "{1: 2}", -1, CD_JSON_ERROR_SYNTAX, "1:2", "must be in double quotes" },
  { "comma-instead-of-key", "{,}", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "expected a key in double quotes, found “,”" },
  { "missing-colon", "{\"a\" 1}", -1, CD_JSON_ERROR_SYNTAX, "1:6",
    "expected “:” after the key “a”" },
  { "capital-true", "[True]", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "“True” must be written in lower case: “true”" },
  { "capital-null", "[NULL]", -1, CD_JSON_ERROR_SYNTAX, "1:2", "lower case: “null”" },
  { "truex", "[truex]", -1, CD_JSON_ERROR_SYNTAX, "1:2", "expected a value, found “truex”" },
  { "bare-word", "{\"a\": hello}", -1, CD_JSON_ERROR_SYNTAX, "1:7",
    "expected a value, found “hello”; text must be in double quotes" },
  { "closing-bracket-as-value", "{\"a\": ]}", -1, CD_JSON_ERROR_SYNTAX, "1:7",
    "expected a value, found “]”" },
  { "mismatched-bracket", "[1}", -1, CD_JSON_ERROR_SYNTAX, "1:3", "expected “,” or “]”" },
  { "nbsp", "[\xC2\xA0" "1]", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "found the character U+00A0; JSON allows only spaces, tabs and line breaks" },
  { "plus", "[+1]", -1, CD_JSON_ERROR_SYNTAX, "1:2", "a number must not start with “+”" },
  { "leading-dot", "[.5]", -1, CD_JSON_ERROR_SYNTAX, "1:2",
    "a number must start with a digit" },
  { "trailing-dot", "[1.]", -1, CD_JSON_ERROR_SYNTAX, "1:4",
    "expected a digit after the decimal point of the number “1.”" },
  { "empty-exponent", "[1e]", -1, CD_JSON_ERROR_SYNTAX, "1:4",
    "expected a digit in the exponent of the number “1e”" },
  { "empty-exponent-sign", "[1e+]", -1, CD_JSON_ERROR_SYNTAX, "1:5", "in the exponent" },
  { "lone-minus", "[-]", -1, CD_JSON_ERROR_SYNTAX, "1:3", "expected a digit after “-”" },
  { "hex", "[0x1F]", -1, CD_JSON_ERROR_SYNTAX, "1:2", "“0x1F” is not a valid number" },
  { "two-points", "[1.2.3]", -1, CD_JSON_ERROR_SYNTAX, "1:2", "“1.2.3” is not a valid number" },
  { "too-large", "[1e999]", -1, CD_JSON_ERROR_TOO_LARGE, "1:2",
    "the number “1e999” is too large" },
  { "too-large-negative", "{\"x\": -1e400}", -1, CD_JSON_ERROR_TOO_LARGE, "1:7",
    "the number “-1e400” is too large" },
  { "columns-are-characters", "[\"é😀\", x]", -1, CD_JSON_ERROR_SYNTAX, "1:8",
    "found “x”" },
  { "columns-after-multibyte-line", "[\"ééé\",\n  \"ü\" \"x\"]", -1, CD_JSON_ERROR_SYNTAX, "2:7",
    "after element 2 of the array" },
  { "lone-cr-is-a-line-break", "[1,\r\r  ]", -1, CD_JSON_ERROR_SYNTAX, "1:3",
    "trailing comma" },
  { "lone-cr-line-count", "[1\r\r  x]", -1, CD_JSON_ERROR_SYNTAX, "3:3", "expected “,” or “]”" },
  { "long-key-shortened",
    "{\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" 1}", -1,
    CD_JSON_ERROR_SYNTAX, "1:65",
    "expected “:” after the key “aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…”" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *error_case = data;
  gsize length = error_case->length < 0 ? strlen (error_case->text) : (gsize) error_case->length;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = cd_json_parse (error_case->text, length, "test.json", 0, &error);
  g_assert_null (node);
  assert_error (error, error_case->code, error_case->location, error_case->phrase);
}

/* Every message is one line of UTF-8 and its typographic quotes pair up. */
static void
test_error_messages_style (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *error_case = &error_cases[i];
      gsize length = error_case->length < 0
                     ? strlen (error_case->text)
                     : (gsize) error_case->length;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      guint n_open = 0;
      guint n_close = 0;

      node = cd_json_parse (error_case->text, length, "test.json", 0, &error);
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));

      for (const char *p = error->message; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (ch == 0x201C)
            n_open++;
          else if (ch == 0x201D)
            n_close++;
          g_assert_cmpuint (n_close, <=, n_open);
        }
      g_assert_cmpuint (n_open, ==, n_close);
    }
}

static void
test_display_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = cd_json_parse ("[1,]", 4, "story.copydesk", 0, &error);
  g_assert_null (node);
  g_assert_error (error, CD_JSON_ERROR, CD_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "story.copydesk:1:3: "
                   "a trailing comma is not allowed before “]”; remove this “,”");
}

static void
test_not_nul_terminated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  /* The number runs to the end of the buffer, followed by digits that are
   * not part of the text. */
  const char text[] = "[12]345";

  node = cd_json_parse (text + 1, 2, "test.json", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_int (node), ==, 12);
  g_clear_pointer (&node, json_node_unref);

  node = cd_json_parse (text, 3, "test.json", 0, &error);
  g_assert_null (node);
  assert_error (error, CD_JSON_ERROR_SYNTAX, "1:4", "the text ends before the “[”");
}

static void
test_many_keys (void)
{
  guint n_keys = 200000;
  g_autoptr(GString) text = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < n_keys; i++)
    g_string_append_printf (text, "%s\"key%u\": %u", i > 0 ? ", " : "", i, i);
  g_string_append (text, "}");

  node = cd_json_parse (text->str, text->len, "test.json", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (node)), ==, n_keys);
  g_clear_pointer (&node, json_node_unref);

  /* A duplicate at the very end is still found. */
  g_string_truncate (text, text->len - 1);
  g_string_append (text, ", \"key17\": 0}");
  node = cd_json_parse (text->str, text->len, "test.json", 0, &error);
  g_assert_null (node);
  g_assert_error (error, CD_JSON_ERROR, CD_JSON_ERROR_DUPLICATE_KEY);
  g_assert_nonnull (strstr (error->message, "the key “key17” appears twice"));
}


/* Each member's value is given where its key is, for cd_json_locate(). */
static void
test_member_offsets (void)
{
  const char *text = "\xEF\xBB\xBF{\n  \"a\": 1,\r\n  \"b\":\r  [\n    {\"c\": true}\n  ],\n\n  \"dé\": {}, \"e\": 2\n}\n";
  g_autoptr(GHashTable) offsets = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *inner;
  const struct
  {
    const char *path;
    guint line;
    guint column;
  } cases[] = {
    { "a", 2, 3 }, { "b", 3, 3 }, { "c", 5, 6 }, { "dé", 8, 3 }, { "e", 8, 13 },
  };

  root = cd_json_parse_full (text, strlen (text), "test.json", 0, CD_JSON_PARSE_DEFAULT,
                             offsets, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  inner = json_array_get_element (json_node_get_array (json_object_get_member (object, "b")), 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JsonObject *holder = strcmp (cases[i].path, "c") == 0 ? json_node_get_object (inner) : object;
      JsonNode *node = json_object_get_member (holder, cases[i].path);
      gsize offset = GPOINTER_TO_SIZE (g_hash_table_lookup (offsets, node));
      guint line = 0;
      guint column = 0;

      g_assert_cmpuint (offset, >, 0);
      cd_json_locate (text, strlen (text), offset, &line, &column);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_cmpuint (column, ==, cases[i].column);
    }

  /* Array elements and the root are no object members. */
  g_assert_false (g_hash_table_contains (offsets, inner));
  g_assert_false (g_hash_table_contains (offsets, root));
}

static void
test_excerpt (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *short_excerpt = cd_json_excerpt ("draft");
  g_autofree char *null_excerpt = cd_json_excerpt (NULL);
  g_autofree char *long_excerpt = NULL;
  g_autofree char *invalid_excerpt = NULL;
  g_autofree char *cut_excerpt = NULL;
  char cut[200];

  g_assert_cmpstr (short_excerpt, ==, "draft");
  g_assert_cmpstr (null_excerpt, ==, "");

  for (guint i = 0; i < 1000000; i++)
    g_string_append (long_text, "ϗ");
  long_excerpt = cd_json_excerpt (long_text->str);
  g_assert_true (g_utf8_validate (long_excerpt, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (long_excerpt, -1), ==, 41);
  g_assert_true (g_str_has_suffix (long_excerpt, "ϗ…"));

  invalid_excerpt = cd_json_excerpt ("ab\xff\xfe" "cd");
  g_assert_true (g_utf8_validate (invalid_excerpt, -1, NULL));
  g_assert_cmpstr (invalid_excerpt, ==, "ab\uFFFD\uFFFDcd");

  /* A multi-byte character cut in two where the excerpt is looked at. */
  memset (cut, 'x', sizeof cut);
  memcpy (cut + 163, "ϗ", 2);
  cut[sizeof cut - 1] = '\0';
  cut_excerpt = cd_json_excerpt (cut);
  g_assert_true (g_utf8_validate (cut_excerpt, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (cut_excerpt, -1), ==, 41);
}

/* With CD_JSON_PARSE_KEEP_NUMBER_TEXT, a number is written back exactly as
 * it was read, even one no double or 64-bit integer holds. */
static void
test_keep_number_text (void)
{
  const char *text =
    "{\n"
    "  \"big\": 12345678901234567890,\n"
    "  \"negative\": -98765432109876543210,\n"
    "  \"precise\": 0.1000000000000000000001,\n"
    "  \"exponent\": 1E2,\n"
    "  \"minus-zero\": -0,\n"
    "  \"plain\": 42,\n"
    "  \"double\": 2.5,\n"
    "  \"list\": [\n"
    "    1e400000000000000000000000000000000000000000000000000000000000000000000000000000\n"
    "  ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *written = NULL;
  JsonObject *object;
  JsonNode *node;

  /* 1e4000… is too large for a double whether or not its text is kept. */
  root = cd_json_parse_full (text, strlen (text), "test.json", 0,
                             CD_JSON_PARSE_KEEP_NUMBER_TEXT, NULL, &error);
  g_assert_error (error, CD_JSON_ERROR, CD_JSON_ERROR_TOO_LARGE);
  g_assert_null (root);
  g_clear_error (&error);

  text = "{\n"
         "  \"big\": 12345678901234567890,\n"
         "  \"negative\": -98765432109876543210,\n"
         "  \"precise\": 0.1000000000000000000001,\n"
         "  \"exponent\": 1E2,\n"
         "  \"minus-zero\": -0,\n"
         "  \"plain\": 42,\n"
         "  \"double\": 2.5,\n"
         "  \"list\": [\n"
         "    18446744073709551616\n"
         "  ]\n"
         "}\n";
  root = cd_json_parse_full (text, strlen (text), "test.json", 0,
                             CD_JSON_PARSE_KEEP_NUMBER_TEXT, NULL, &error);
  g_assert_no_error (error);
  written = cd_json_to_string (root, NULL);
  g_assert_cmpstr (written, ==, text);

  object = json_node_get_object (root);
  g_assert_cmpstr (cd_json_node_get_number_text (json_object_get_member (object, "big")), ==,
                   "12345678901234567890");
  g_assert_null (cd_json_node_get_number_text (json_object_get_member (object, "plain")));
  g_assert_null (cd_json_node_get_number_text (json_object_get_member (object, "double")));

  node = json_object_get_member (object, "exponent");
  cd_json_node_forget_number_text (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (node), ==, 100.0);

  node = json_object_get_member (object, "minus-zero");
  cd_json_node_forget_number_text (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, 0);

  /* Without the flag, numbers are values as before. */
  g_clear_pointer (&root, json_node_unref);
  root = cd_json_parse (text, strlen (text), "test.json", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (json_node_get_object (root), "big")),
                   ==, G_TYPE_DOUBLE);
}

/* A message is valid UTF-8, starts with the file's name and stays short. */
static void
assert_short_message (const GError *error,
                      const char   *display_name)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, display_name));
  g_assert_cmpuint (strlen (error->message), <, 1000);
}

static char *
repeat (const char *text,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, text);

  return g_string_free (out, FALSE);
}

/* House rules nested far deeper than a recursive parser's stack allows
 * give an error, not a crash. */
static void
test_house_rules_deep (void)
{
  g_autofree char *open_arrays = repeat ("[", 75000);
  g_autofree char *close_arrays = repeat ("]", 75000);
  g_autofree char *open_objects = repeat ("{\"a\": ", 75000);
  g_autofree char *close_objects = repeat ("}", 75001);
  g_autofree char *arrays = g_strconcat (open_arrays, close_arrays, NULL);
  g_autofree char *objects = g_strconcat ("{\"format\": \"copydesk-house-rules\", \"version\": 1, "
                                          "\"x\": ", open_objects, "1", close_objects, NULL);
  const char *texts[] = { arrays, objects };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdHouseRules) rules = NULL;

      rules = cd_house_rules_load_from_data (texts[i], strlen (texts[i]), "rules.json", &error);
      g_assert_null (rules);
      g_assert_error (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_SYNTAX);
      assert_short_message (error, "rules.json:1:");
      g_assert_nonnull (strstr (error->message, "nested more than"));
    }
}

/* Every loader's messages are valid UTF-8 with the file, line and column,
 * and quote only short excerpts of what the file holds. */
static void
test_loader_messages (void)
{
  g_autofree char *long_name = repeat ("ϗ", 300000);
  g_autofree char *long_value = repeat ("é", 300000);
  g_autofree char *huge_value = repeat ("ϗ", 1024 * 1024);
  const char *cut = "{\"copydesk-house-rul…ϗ…ϗ…ϗx";
  g_autofree char *rules_long_key = g_strdup_printf ("{\"%s\": 1}", long_name);
  g_autofree char *rules_long_rule = g_strdup_printf ("{\"format\": \"copydesk-house-rules\", "
                                                      "\"version\": 1, \"rules\": {\"%s\": \"error\"}}",
                                                      long_name);
  g_autofree char *rules_long_limit = g_strdup_printf ("{\"format\": \"copydesk-house-rules\", "
                                                       "\"version\": 1, \"limits\": {\"%s\": 1}}",
                                                       long_name);
  g_autofree char *rules_long_level = g_strdup_printf ("{\"format\": \"copydesk-house-rules\", "
                                                       "\"version\": 1, \"rules\": {\"body-tk\": \"%s\"}}",
                                                       long_value);
  g_autofree char *rules_long_syntax = g_strdup_printf ("{\"%s\" 1}", long_name);
  g_autofree char *article_status = g_strdup_printf ("{\"format\": \"copydesk-article\", \"version\": 1, "
                                                     "\"created\": \"2026-11-27T09:30:00Z\", "
                                                     "\"modified\": \"2026-11-27T09:30:00Z\", "
                                                     "\"status\": \"%s\"}", huge_value);
  g_autofree char *article_date = g_strdup_printf ("{\"format\": \"copydesk-article\", \"version\": 1, "
                                                   "\"created\": \"%s\"}", huge_value);
  g_autofree char *ninjs_status = g_strdup_printf ("{\"uri\": \"urn:x\", \"pubstatus\": \"%s\"}", huge_value);
  g_autofree char *ninjs_date = g_strdup_printf ("{\"uri\": \"urn:x\", \"versioncreated\": \"%s\"}",
                                                 huge_value);
  const char *rules_cases[] = {
    cut, rules_long_key, rules_long_rule, rules_long_limit, rules_long_level, rules_long_syntax,
  };
  const char *article_cases[] = { cut, article_status, article_date, rules_long_syntax };
  const char *ninjs_cases[] = { cut, ninjs_status, ninjs_date, rules_long_syntax };

  /* The file that json-glib cut a character in half for: 36 bytes. */
  g_assert_cmpuint (strlen (cut), ==, 36);

  for (guint i = 0; i < G_N_ELEMENTS (rules_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdHouseRules) rules = NULL;

      rules = cd_house_rules_load_from_data (rules_cases[i], strlen (rules_cases[i]), "rules.json",
                                             &error);
      g_assert_null (rules);
      assert_short_message (error, "rules.json");
    }

  for (guint i = 0; i < G_N_ELEMENTS (article_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = NULL;

      article = cd_article_load_from_data (article_cases[i], strlen (article_cases[i]),
                                           "story.copydesk", &error);
      g_assert_null (article);
      assert_short_message (error, "story.copydesk");
    }

  for (guint i = 0; i < G_N_ELEMENTS (ninjs_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = NULL;

      article = cd_ninjs_import_from_data (ninjs_cases[i], strlen (ninjs_cases[i]),
                                           "story.json", &error);
      g_assert_null (article);
      assert_short_message (error, "story.json");
    }
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/round-trip-scalars", test_round_trip_scalars);
  g_test_add_func ("/json/rewrite-compact", test_rewrite_compact);
  g_test_add_func ("/json/insertion-order", test_insertion_order);
  g_test_add_func ("/json/parse-values", test_parse_values);
  g_test_add_func ("/json/bom", test_bom);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/write-numbers", test_write_numbers);
  g_test_add_func ("/json/write-integers", test_write_integers);
  g_test_add_func ("/json/unicode-escapes", test_unicode_escapes);
  g_test_add_func ("/json/write-escapes", test_write_escapes);
  g_test_add_func ("/json/large-string", test_large_string);
  g_test_add_func ("/json/deep-arrays", test_deep_arrays);
  g_test_add_func ("/json/deep-objects", test_deep_objects);
  g_test_add_func ("/json/max-depth", test_max_depth);
  g_test_add_func ("/json/write-deep", test_write_deep);
  g_test_add_func ("/json/display-name", test_display_name);
  g_test_add_func ("/json/not-nul-terminated", test_not_nul_terminated);
  g_test_add_func ("/json/many-keys", test_many_keys);
  g_test_add_func ("/json/error-messages-style", test_error_messages_style);
  g_test_add_func ("/json/member-offsets", test_member_offsets);
  g_test_add_func ("/json/excerpt", test_excerpt);
  g_test_add_func ("/json/keep-number-text", test_keep_number_text);
  g_test_add_func ("/json/house-rules-deep", test_house_rules_deep);
  g_test_add_func ("/json/loader-messages", test_loader_messages);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }

  return g_test_run ();
}
