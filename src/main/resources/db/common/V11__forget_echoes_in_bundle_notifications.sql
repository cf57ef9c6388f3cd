-- Issue 11: a BUNDLE_NEEDS_ATTENTION notification's fix quoted the failing credential's verification
-- message ("… failed validation (<message>)"), which may hold an echo of a secret that redaction
-- missed before V7 (docs/security/redaction.md); V7 cleaned the credentials but not these copies.
-- SQL cannot know the secrets, so every such fix and message is replaced by a neutral sentence.
UPDATE notifications
SET fix = 'Open the bundle to see which tools are not ready.',
    message = 'A bundle you use needs attention: some of its tools are not ready. (The details were removed by an upgrade that hides secrets a provider may have echoed.)'
WHERE kind = 'BUNDLE_NEEDS_ATTENTION';
