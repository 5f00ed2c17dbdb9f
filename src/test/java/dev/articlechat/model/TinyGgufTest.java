package dev.articlechat.model;

import static org.assertj.core.api.Assertions.assertThat;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The tiny random model loads in llama.cpp and goes through the whole chat plumbing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TinyGgufTest {

    private static final int N_PREDICT = 8;

    @TempDir
    static Path dir;

    private static Path file;
    private static LlamaModel model;

    @BeforeAll
    static void loadTheTinyModel() {
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> {});
        file = TinyGguf.write(dir.resolve("tiny.gguf"));
        model = new LlamaModel(new ModelParameters()
                .setModel(file.toString())
                .setCtxSize(256)
                .setThreads(1)
                .disableLog());
    }

    @AfterAll
    static void closeTheModel() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void writes_a_small_gguf_v3_file_that_is_the_same_every_time() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("GGUF");
        assertThat(header.getInt(4)).as("version").isEqualTo(3);
        assertThat(bytes.length).isLessThan(5 * 1024 * 1024);

        Path again = TinyGguf.write(dir.resolve("sub/again.gguf"));
        assertThat(Files.mismatch(file, again)).isEqualTo(-1L);
    }

    @Test
    void llama_cpp_tokenizes_plain_text_and_decodes_it_back() {
        int[] tokens = model.encode("the news said hello, Zürich!");

        assertThat(tokens).isNotEmpty();
        assertThat(Arrays.stream(tokens)).allSatisfy(id -> assertThat(id).isBetween(0, TinyGguf.VOCAB_SIZE - 1));
        assertThat(model.decode(tokens)).contains("the news said hello, Zürich!");
    }

    @Test
    void the_chat_template_puts_the_system_and_user_messages_into_a_chatml_prompt() {
        String prompt = chatPrompt("hi");

        assertThat(prompt)
                .contains("<|im_start|>system\nbe brief<|im_end|>")
                .contains("<|im_start|>user\nhi<|im_end|>")
                .endsWith("<|im_start|>assistant\n");
    }

    @Test
    void the_chatml_markers_are_single_control_tokens() {
        int[] tokens = model.encode(chatPrompt("hi"));

        assertThat(tokens).contains(TinyGguf.IM_START_ID, TinyGguf.IM_END_ID);
    }

    @Test
    void streaming_generation_yields_outputs_and_stops_within_the_token_budget() {
        List<LlamaOutput> outputs = new ArrayList<>();
        for (LlamaOutput output : model.generate(new InferenceParameters(chatPrompt("hi")).setNPredict(N_PREDICT))) {
            outputs.add(output);
        }

        // one output a token, plus at most one closing output
        assertThat(outputs).isNotEmpty().hasSizeLessThanOrEqualTo(N_PREDICT + 1);
        assertThat(outputs).allSatisfy(output -> assertThat(output.text).isNotNull());
    }

    @Test
    void complete_returns_the_generated_text() {
        String text = model.complete(new InferenceParameters(chatPrompt("hi")).setNPredict(N_PREDICT));

        assertThat(text).isNotNull();
    }

    @Test
    void a_stream_can_be_cancelled_and_the_model_then_serves_the_next_request() {
        LlamaIterator stream = model.generate(new InferenceParameters(chatPrompt("hi")).setNPredict(200)).iterator();

        assertThat(stream.hasNext()).isTrue();
        stream.next();
        stream.cancel();

        assertThat(stream.hasNext()).isFalse();
        assertThat(model.complete(new InferenceParameters(chatPrompt("again")).setNPredict(4))).isNotNull();
    }

    private static String chatPrompt(String userMessage) {
        return model.applyTemplate(new InferenceParameters("")
                .setMessages("be brief", List.of(new Pair<>("user", userMessage))));
    }
}
