/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* CdPreflightIssue, one finding of the preflight check, and CdSeverity,
 * how much it matters. */

#include "config.h"

#define G_LOG_DOMAIN "cd-preflight"

#include "cd-preflight-private.h"

G_DEFINE_ENUM_TYPE (CdSeverity, cd_severity,
  G_DEFINE_ENUM_VALUE (CD_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (CD_SEVERITY_ERROR, "error"))

/* CdPreflightIssue */

G_DEFINE_FINAL_TYPE (CdPreflightIssue, cd_preflight_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_RULE,
  PROP_FIELD,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_preflight_issue_finalize (GObject *object)
{
  CdPreflightIssue *self = (CdPreflightIssue *)object;

  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->replacement, g_free);

  G_OBJECT_CLASS (cd_preflight_issue_parent_class)->finalize (object);
}

static void
cd_preflight_issue_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CdPreflightIssue *self = CD_PREFLIGHT_ISSUE (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;

    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preflight_issue_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CdPreflightIssue *self = CD_PREFLIGHT_ISSUE (object);

  /* All construct-only: an issue describes the article at one moment. */
  switch (prop_id)
    {
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;

    case PROP_RULE:
      g_free (self->rule);
      self->rule = g_value_dup_string (value);
      break;

    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;

    case PROP_MESSAGE:
      g_free (self->message);
      self->message = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preflight_issue_class_init (CdPreflightIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_preflight_issue_finalize;
  object_class->get_property = cd_preflight_issue_get_property;
  object_class->set_property = cd_preflight_issue_set_property;

  /**
   * CdPreflightIssue:severity:
   *
   * Whether the issue blocks publication (%CD_SEVERITY_ERROR) or not.
   */
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       CD_TYPE_SEVERITY,
                       CD_SEVERITY_WARNING,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CdPreflightIssue:rule:
   *
   * The id of the house rule that reported the issue, such as
   * `headline-length`.
   */
  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CdPreflightIssue:field:
   *
   * The id of the field to fix, such as `headline`, `image.alt` or
   * `authors[1].name` (counted from 0): a field of the registry (see
   * cd_field_lookup()) for the issues cd_preflight_check() finds.
   */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CdPreflightIssue:message:
   *
   * What is wrong and what to do, in sentences for the journalist.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_preflight_issue_init (CdPreflightIssue *self)
{
  self->start = G_MAXSIZE;
  self->end = G_MAXSIZE;
}

/**
 * cd_preflight_issue_new:
 * @severity: the severity
 * @rule: the id of the rule that found the issue
 * @field: the id of the field to fix
 * @message: what is wrong and what to do
 *
 * Returns: (transfer full): a new issue
 */
CdPreflightIssue *
cd_preflight_issue_new (CdSeverity  severity,
                        const char *rule,
                        const char *field,
                        const char *message)
{
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  return g_object_new (CD_TYPE_PREFLIGHT_ISSUE,
                       "severity", severity,
                       "rule", rule,
                       "field", field,
                       "message", message,
                       NULL);
}

/**
 * cd_preflight_issue_get_severity:
 * @self: a #CdPreflightIssue
 *
 * Returns: the severity of the issue
 */
CdSeverity
cd_preflight_issue_get_severity (CdPreflightIssue *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), CD_SEVERITY_WARNING);

  return self->severity;
}

/**
 * cd_preflight_issue_get_rule:
 * @self: a #CdPreflightIssue
 *
 * Returns: (transfer none): the id of the rule that found the issue
 */
const char *
cd_preflight_issue_get_rule (CdPreflightIssue *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->rule;
}

/**
 * cd_preflight_issue_get_field:
 * @self: a #CdPreflightIssue
 *
 * Returns: (transfer none): the id of the field to fix
 */
const char *
cd_preflight_issue_get_field (CdPreflightIssue *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->field;
}

/**
 * cd_preflight_issue_get_message:
 * @self: a #CdPreflightIssue
 *
 * Returns: (transfer none): what is wrong and what to do
 */
const char *
cd_preflight_issue_get_message (CdPreflightIssue *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->message;
}

/**
 * cd_preflight_issue_set_range:
 * @self: a #CdPreflightIssue
 * @start: where the finding starts in the field's text, in bytes
 * @end: where it ends, in bytes (after its last byte)
 *
 * Places an issue about part of a field, such as a misspelt word or a
 * house-style finding, so that the window can underline it and the CLI can
 * give its line and column. Called once, by whoever creates the issue.
 */
void
cd_preflight_issue_set_range (CdPreflightIssue *self,
                              gsize             start,
                              gsize             end)
{
  g_return_if_fail (CD_IS_PREFLIGHT_ISSUE (self));
  g_return_if_fail (start <= end);
  g_return_if_fail (start != G_MAXSIZE);

  self->start = start;
  self->end = end;
}

/**
 * cd_preflight_issue_get_range:
 * @self: a #CdPreflightIssue
 * @start: (out) (optional): where the finding starts in the field's text, in bytes
 * @end: (out) (optional): where it ends, in bytes
 *
 * Returns: %TRUE when the issue is about part of its field (and @start and
 *   @end are set), %FALSE when it is about the whole field
 */
gboolean
cd_preflight_issue_get_range (CdPreflightIssue *self,
                              gsize            *start,
                              gsize            *end)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), FALSE);

  if (self->start == G_MAXSIZE)
    return FALSE;
  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
  return TRUE;
}

/**
 * cd_preflight_issue_set_replacement:
 * @self: a #CdPreflightIssue
 * @replacement: (nullable): the text the issue's range may be replaced with
 *
 * Gives a finding about part of a field (see cd_preflight_issue_set_range())
 * the text that fixes it, such as the preferred form of a house-style
 * finding, so that the window can offer to replace it. Called once, by
 * whoever creates the issue.
 */
void
cd_preflight_issue_set_replacement (CdPreflightIssue *self,
                                    const char       *replacement)
{
  g_return_if_fail (CD_IS_PREFLIGHT_ISSUE (self));

  g_free (self->replacement);
  self->replacement = g_strdup (replacement);
}

/**
 * cd_preflight_issue_get_replacement:
 * @self: a #CdPreflightIssue
 *
 * Returns: (transfer none) (nullable): the text that the issue's range may
 *   be replaced with (an empty text deletes it), or %NULL when there is no
 *   single fix
 */
const char *
cd_preflight_issue_get_replacement (CdPreflightIssue *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->replacement;
}
