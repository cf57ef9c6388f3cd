package dev.switchboard.web.pages;

/** The model of the page that explains a failure (not found, forbidden, expired form, our bug). */
public record ErrorPage(int status, String title, String message) {}
