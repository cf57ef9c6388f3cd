-- Issue 11: before V7, redaction missed escaped, percent-encoded and Base64 echoes of a credential
-- (docs/security/redaction.md). Stored texts that quote an upstream's answer may hold such an echo.
-- SQL cannot know the secrets, so those texts are replaced by neutral ones; the verification state
-- and code (credentials_rejected, provider_unreachable, ...) stay, and validating again writes a
-- fresh, redacted message.
UPDATE credentials
SET verification_message = 'The provider''s earlier answer was removed by an upgrade that hides secrets it may have echoed; validate the credential again to see its current answer.'
WHERE verification_message IS NOT NULL;

-- CREDENTIAL_EXPIRED notifications quoted the token endpoint's error description.
UPDATE notifications
SET message = 'A credential could not be refreshed; its tools are hidden until you re-authorize. (The provider''s answer was removed by an upgrade that hides secrets it may have echoed.)'
WHERE kind = 'CREDENTIAL_EXPIRED';
