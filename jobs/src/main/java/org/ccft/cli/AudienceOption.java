package org.ccft.cli;

import org.ccft.marts.Audience;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --audience public|internal|team}: a name the marts' definitions use; anything else is a
 * usage error.
 */
final class AudienceOption implements ITypeConverter<Audience> {

    @Override
    public Audience convert(String value) {
        try {
            return Audience.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
