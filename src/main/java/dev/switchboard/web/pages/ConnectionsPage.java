package dev.switchboard.web.pages;

import java.util.List;

/** Connections & Profiles: one card per profile. */
public record ConnectionsPage(List<ProfileCard> profiles) {}
