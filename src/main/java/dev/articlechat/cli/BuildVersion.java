package dev.articlechat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the pom gives, which the build writes into {@code version.properties}: never a second copy here. */
final class BuildVersion implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return new String[] {"article-chat (version unknown: not built by Maven)"};
            }
            Properties properties = new Properties();
            properties.load(in);
            return new String[] {"article-chat " + properties.getProperty("version"),
                    "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"};
        }
    }
}
