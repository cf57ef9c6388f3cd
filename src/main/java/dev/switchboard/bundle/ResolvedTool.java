package dev.switchboard.bundle;

import dev.switchboard.credential.Availability;
import dev.switchboard.credential.Credential;
import dev.switchboard.tool.Tool;
import java.util.Optional;

/** A bundle's tool for one user: the tool, whether it is available, and the credential it runs with. */
public record ResolvedTool(Tool tool, Availability availability, Optional<Credential> credential) {}
