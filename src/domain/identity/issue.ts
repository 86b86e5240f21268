/**
 * A finding of a check, shown to the user.
 *
 * `code` is stable and English (for logs, tests and the UI to branch on); `message` is Vietnamese, names the field
 * and says what to do (style.md, "Errors and messages").
 */
export interface Issue {
  code: string;
  message: string;
}
