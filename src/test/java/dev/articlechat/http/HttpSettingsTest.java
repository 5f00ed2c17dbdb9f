package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSettingsTest {

    @Test
    void allows_no_other_origin_by_default() {
        assertThat(HttpSettings.defaults().corsOrigins()).isEmpty();
    }

    @Test
    void writes_origins_the_way_browsers_send_them() {
        HttpSettings settings = new HttpSettings(List.of(" HTTPS://News.Example/ ", "http://localhost:8080", ""));

        assertThat(settings.corsOrigins()).containsExactly("https://news.example", "http://localhost:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"news.example", "https://news.example/embed", "ftp://news.example", "https://",
            "https://news.example?x=1", "http://user@news.example"})
    void refuses_what_a_browser_would_never_send_as_an_origin(String origin) {
        assertThatThrownBy(() -> new HttpSettings(List.of(origin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(origin);
    }

    @Test
    void refuses_a_star_mixed_with_named_origins() {
        assertThatThrownBy(() -> new HttpSettings(List.of("*", "https://news.example")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
