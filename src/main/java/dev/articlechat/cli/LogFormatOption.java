package dev.articlechat.cli;

import dev.articlechat.Logging;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --log-format}: every command's logs as text lines or as one JSON object a line. */
final class LogFormatOption {

    /** Applied as soon as it is parsed, so that what the command logs while it starts has the format asked for. */
    @Option(names = "--log-format", paramLabel = "FMT", defaultValue = "${env:LOG_FORMAT:-text}",
            converter = FormatConverter.class,
            description = "Logs (on standard error) as text lines, or json: one JSON object a line. "
                    + "Env: LOG_FORMAT. Default: ${DEFAULT-VALUE}.")
    void format(String format) {
        Logging.useFormat(format);
    }

    static final class FormatConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!Logging.FORMATS.contains(value.strip().toLowerCase(Locale.ROOT))) {
                throw new TypeConversionException("expected text or json");
            }
            return value;
        }
    }
}
