package dev.switchboard.provider.internal;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Renders the location of a Jackson failure as a JSON path such as {@code $.authMethods[0].in}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The JSON path of the property where {@code failure} happened; {@code $} for the document itself. */
    public static String of(JacksonException failure) {
        List<JacksonException.Reference> references = failure.getPath();
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
