package dev.articlechat.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Test fixture: writes a tiny llama-architecture model in the GGUF v3 format, with random weights from a fixed seed,
 * that llama.cpp loads in a few milliseconds. What it generates is garbage; it exists so that tests can exercise the
 * plumbing (load, chat template, tokenize, generate, stream, cancel) offline, without a downloaded model.
 *
 * <p>The model: 2 blocks, embedding width 64, 4 attention heads (no grouped-query attention), feed-forward width 128,
 * context length 512, every tensor F32. The tokenizer is a SentencePiece-style ("llama") vocabulary of
 * {@link #VOCAB_SIZE} pieces: {@code <unk>}, {@code <s>}, {@code </s>}, the ChatML control tokens
 * {@code <|im_start|>} and {@code <|im_end|>}, the 256 byte-fallback pieces {@code <0x00>}..{@code <0xFF>}, every
 * printable ASCII character, and a few hundred English words with all their prefixes (so that the SentencePiece merges
 * can reach each word). The file carries a ChatML {@code tokenizer.chat_template}.
 *
 * <p>The output is byte-for-byte the same on every call. Format: the GGUF spec (ggml docs/gguf.md); tensor and key names
 * as llama.cpp's {@code LLM_ARCH_LLAMA} reads them. Dimensions are written fastest-varying first, as ggml's {@code ne}.
 */
public final class TinyGguf {

    /** Token ids of the special tokens. As in ChatML models, the end-of-sequence token is {@code <|im_end|>}. */
    public static final int UNK_ID = 0;
    public static final int BOS_ID = 1;
    public static final int END_OF_TEXT_ID = 2;
    public static final int IM_START_ID = 3;
    public static final int IM_END_ID = 4;
    public static final int EOS_ID = IM_END_ID;

    /** Hyper-parameters of the model written. */
    public static final int CONTEXT_LENGTH = 512;
    public static final int EMBEDDING_LENGTH = 64;
    public static final int BLOCK_COUNT = 2;
    public static final int HEAD_COUNT = 4;
    public static final int FEED_FORWARD_LENGTH = 128;

    /** The ChatML template stored under {@code tokenizer.chat_template}. */
    public static final String CHAT_TEMPLATE = "{% for message in messages %}"
            + "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
            + "{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";


    private static final long SEED = 20240611L;
    private static final int ALIGNMENT = 32;
    private static final String SPACE = "\u2581"; // SentencePiece's "▁", which stands for a space

    private static final String WORDS = "the of and to in a is that for it as was with be by on not he i this are or his"
            + " from at which but have an they you were her she there been one all we their has would when if so no"
            + " will more can said who what about up out them some could into than then its only other new two also"
            + " time first over after most people year years may like did any made do us our these many because how"
            + " before news article report reported says say told government minister president country state city"
            + " police court week day today last world national public percent million billion company market"
            + " prices election party vote officials official according question answer source sentence chat model"
            + " hello hi yes thanks please where why which while during between against under since still just very"
            + " well back down even here there now every each both those such through without again further";

    // GGUF metadata value types
    private static final int T_UINT32 = 4;
    private static final int T_INT32 = 5;
    private static final int T_FLOAT32 = 6;
    private static final int T_BOOL = 7;
    private static final int T_STRING = 8;
    private static final int T_ARRAY = 9;

    private static final int GGML_TYPE_F32 = 0;

    /** Number of pieces in the vocabulary. */
    public static final int VOCAB_SIZE = vocabulary().size();

    private TinyGguf() {}

    /**
     * Writes the model to {@code file} (creating its parent folders; replacing the file if it exists).
     *
     * @return {@code file}
     * @throws UncheckedIOException when the file cannot be written
     */
    public static Path write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the tiny GGUF model to " + file, e);
        }
    }

    /** The bytes of the model file, the same on every call. */
    public static byte[] bytes() {
        List<String> tokens = vocabulary();
        Le out = new Le();

        Map<String, Runnable> kv = new LinkedHashMap<>();
        kv.put("general.architecture", () -> out.string("llama"));
        kv.put("general.name", () -> out.string("tiny-random-llama"));
        kv.put("general.alignment", () -> out.u32(ALIGNMENT));
        kv.put("llama.context_length", () -> out.u32(CONTEXT_LENGTH));
        kv.put("llama.embedding_length", () -> out.u32(EMBEDDING_LENGTH));
        kv.put("llama.block_count", () -> out.u32(BLOCK_COUNT));
        kv.put("llama.feed_forward_length", () -> out.u32(FEED_FORWARD_LENGTH));
        kv.put("llama.attention.head_count", () -> out.u32(HEAD_COUNT));
        kv.put("llama.attention.head_count_kv", () -> out.u32(HEAD_COUNT));
        kv.put("llama.rope.dimension_count", () -> out.u32(EMBEDDING_LENGTH / HEAD_COUNT));
        kv.put("llama.rope.freq_base", () -> out.f32(10000f));
        kv.put("llama.attention.layer_norm_rms_epsilon", () -> out.f32(1e-5f));
        kv.put("llama.vocab_size", () -> out.u32(VOCAB_SIZE));
        kv.put("tokenizer.ggml.model", () -> out.string("llama"));
        kv.put("tokenizer.ggml.tokens", () -> {
            out.u32(T_STRING);
            out.u64(tokens.size());
            tokens.forEach(out::str);
        });
        kv.put("tokenizer.ggml.scores", () -> {
            out.u32(T_FLOAT32);
            out.u64(tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                out.f32(i < 5 + 256 ? 0f : -(i - 5 - 256)); // earlier pieces merge first, as in real vocabularies
            }
        });
        kv.put("tokenizer.ggml.token_type", () -> {
            out.u32(T_INT32);
            out.u64(tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                out.i32(tokenType(i));
            }
        });
        kv.put("tokenizer.ggml.bos_token_id", () -> out.u32(BOS_ID));
        kv.put("tokenizer.ggml.eos_token_id", () -> out.u32(EOS_ID));
        kv.put("tokenizer.ggml.unknown_token_id", () -> out.u32(UNK_ID));
        kv.put("tokenizer.ggml.add_bos_token", () -> out.bool(true));
        kv.put("tokenizer.ggml.add_eos_token", () -> out.bool(false));
        kv.put("tokenizer.chat_template", () -> out.string(CHAT_TEMPLATE));

        List<Tensor> tensors = tensors();

        // header
        out.raw("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.u32(3);
        out.u64(tensors.size());
        out.u64(kv.size());
        // metadata: key, value type, value (the Runnables write the type-specific part)
        for (Map.Entry<String, Runnable> e : kv.entrySet()) {
            out.str(e.getKey());
            out.u32(typeOf(e.getKey()));
            e.getValue().run();
        }
        // tensor infos; offsets are relative to the (aligned) start of the data section
        long offset = 0;
        for (Tensor t : tensors) {
            out.str(t.name);
            out.u32(t.ne.length);
            for (long n : t.ne) {
                out.u64(n);
            }
            out.u32(GGML_TYPE_F32);
            out.u64(offset);
            offset += pad((long) t.data.length * Float.BYTES);
        }
        out.padTo(ALIGNMENT);
        // tensor data, each one padded to the alignment
        for (Tensor t : tensors) {
            for (float f : t.data) {
                out.f32(f);
            }
            out.padTo(ALIGNMENT);
        }
        return out.toByteArray();
    }

    private static int typeOf(String key) {
        switch (key) {
            case "general.architecture":
            case "general.name":
            case "tokenizer.ggml.model":
            case "tokenizer.chat_template":
                return T_STRING;
            case "llama.rope.freq_base":
            case "llama.attention.layer_norm_rms_epsilon":
                return T_FLOAT32;
            case "tokenizer.ggml.add_bos_token":
            case "tokenizer.ggml.add_eos_token":
                return T_BOOL;
            case "tokenizer.ggml.tokens":
            case "tokenizer.ggml.scores":
            case "tokenizer.ggml.token_type":
                return T_ARRAY;
            default:
                return T_UINT32;
        }
    }

    /** llama.cpp token types: 1 normal, 2 unknown, 3 control, 6 byte. */
    private static int tokenType(int id) {
        if (id == UNK_ID) {
            return 2;
        }
        if (id <= IM_END_ID) {
            return 3;
        }
        if (id < 5 + 256) {
            return 6;
        }
        return 1;
    }

    /** The pieces, in id order. */
    static List<String> vocabulary() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
        }
        Set<String> pieces = new LinkedHashSet<>();
        pieces.add(SPACE);
        for (char c = '!'; c <= '~'; c++) {
            pieces.add(String.valueOf(c));
        }
        for (String word : new LinkedHashSet<>(List.of(WORDS.trim().split("\\s+")))) {
            String piece = SPACE + word;
            for (int end = 2; end <= piece.length(); end++) {
                pieces.add(piece.substring(0, end));
            }
        }
        tokens.addAll(pieces);
        return Collections.unmodifiableList(tokens);
    }

    private static List<Tensor> tensors() {
        Random random = new Random(SEED);
        int e = EMBEDDING_LENGTH;
        int f = FEED_FORWARD_LENGTH;
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(Tensor.random("token_embd.weight", random, 1f, e, VOCAB_SIZE));
        for (int i = 0; i < BLOCK_COUNT; i++) {
            String b = "blk." + i + ".";
            tensors.add(Tensor.ones(b + "attn_norm.weight", e));
            tensors.add(Tensor.random(b + "attn_q.weight", random, 0.2f, e, e));
            tensors.add(Tensor.random(b + "attn_k.weight", random, 0.2f, e, e));
            tensors.add(Tensor.random(b + "attn_v.weight", random, 0.2f, e, e));
            tensors.add(Tensor.random(b + "attn_output.weight", random, 0.2f, e, e));
            tensors.add(Tensor.ones(b + "ffn_norm.weight", e));
            tensors.add(Tensor.random(b + "ffn_gate.weight", random, 0.2f, e, f));
            tensors.add(Tensor.random(b + "ffn_up.weight", random, 0.2f, e, f));
            tensors.add(Tensor.random(b + "ffn_down.weight", random, 0.2f, f, e));
        }
        tensors.add(Tensor.ones("output_norm.weight", e));
        tensors.add(Tensor.random("output.weight", random, 0.5f, e, VOCAB_SIZE));
        return tensors;
    }

    private static long pad(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static final class Tensor {
        final String name;
        final long[] ne;
        final float[] data;

        private Tensor(String name, float[] data, long... ne) {
            this.name = name;
            this.ne = ne;
            this.data = data;
        }

        static Tensor ones(String name, int n) {
            float[] data = new float[n];
            java.util.Arrays.fill(data, 1f);
            return new Tensor(name, data, n);
        }

        /** A matrix of ne0 x ne1 (ne0 varies fastest), uniform in [-scale, scale). */
        static Tensor random(String name, Random random, float scale, int ne0, int ne1) {
            float[] data = new float[ne0 * ne1];
            for (int i = 0; i < data.length; i++) {
                data[i] = (random.nextFloat() * 2f - 1f) * scale;
            }
            return new Tensor(name, data, ne0, ne1);
        }
    }

    /** A little-endian writer. */
    private static final class Le {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        void raw(byte[] b) {
            bytes.writeBytes(b);
        }

        void u32(long v) {
            scratch.clear();
            scratch.putInt((int) v);
            bytes.write(scratch.array(), 0, 4);
        }

        void i32(int v) {
            u32(v);
        }

        void u64(long v) {
            scratch.clear();
            scratch.putLong(v);
            bytes.write(scratch.array(), 0, 8);
        }

        void f32(float v) {
            scratch.clear();
            scratch.putFloat(v);
            bytes.write(scratch.array(), 0, 4);
        }

        void bool(boolean v) {
            bytes.write(v ? 1 : 0);
        }

        /** A GGUF string: u64 byte length, then UTF-8 bytes without a terminator. */
        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            raw(b);
        }

        /** A metadata value of type string. */
        void string(String s) {
            str(s);
        }

        void padTo(int alignment) {
            while (bytes.size() % alignment != 0) {
                bytes.write(0);
            }
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
