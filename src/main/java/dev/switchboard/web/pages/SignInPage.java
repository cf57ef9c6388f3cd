package dev.switchboard.web.pages;

/**
 * The sign-in form: the email typed so far, where to go afterwards, the error (or null), and the
 * token that ties the form to this browser (login CSRF).
 */
public record SignInPage(String email, String next, String error, String formToken) {}
