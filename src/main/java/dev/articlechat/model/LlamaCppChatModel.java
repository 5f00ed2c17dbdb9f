package dev.articlechat.model;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GGUF model run inside the JVM by llama.cpp, as a LangChain4j chat model (plain and streaming).
 *
 * <p>The chat template comes from the model file's metadata. The context size is set explicitly and a
 * prompt that would not leave room for the answer is shortened in the middle of its longest message;
 * generation stops at {@code maxTokens}, at the end-of-turn token, or when the caller's thread is
 * interrupted (a closed stream, a timeout), so no model time is spent on an answer nobody reads.
 *
 * <p>llama.cpp runs every generation on one native thread of its own (the bindings' task loop), which keeps
 * computing after the JVM has decided to exit unless told otherwise; a process that exits under it crashes in
 * ggml (SIGSEGV, an {@code hs_err} file). {@link #close()} therefore stops the generations, waits until the loop
 * is idle, then ends it; a prompt is read in batches of {@link #BATCH_TOKENS}, so a stop is never more than one
 * batch away. (The loop's thread cannot be joined: the bindings detach it natively and never detach it from the
 * JVM, so it stays "alive" to Java after it has returned. An idle loop told to end only returns.)
 */
public final class LlamaCppChatModel implements ChatModel, StreamingChatModel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LlamaCppChatModel.class);
    /** Where the bindings unpack their native library (read by de.kherud.llama.LlamaLoader). */
    private static final String LIBRARY_DIRECTORY = "de.kherud.llama.tmpdir";

    /**
     * Settings of the local model; {@code threads} 2 fits the 2-core machines this runs on.
     *
     * @param contextSize the context of one conversation, in tokens
     * @param slots       prompts kept in the cache at once: llama.cpp gives each slot a context of its own and
     *                    sends a prompt to the slot whose cached prompt it shares most with, else to the one used
     *                    longest ago, so each article's prompt stays read while it is asked about
     */
    public record Options(int contextSize, int maxTokens, int threads, float temperature, int slots) {

        public static Options defaults() {
            return new Options(4096, 160, 2, 0f, 1);
        }
    }

    /** The share of a slot's cached prompt that a new prompt must repeat to be sent to that slot. */
    private static final float SAME_ARTICLE_SIMILARITY = 0.5f;
    /**
     * Prompt tokens the loop reads before it looks at its queue again (a cancellation, the stop): llama.cpp's default
     * of 2,048 is half a minute of a 1.5B model on 2 cores; 64 is a fraction of a second, at a few percent of speed.
     */
    static final int BATCH_TOKENS = 64;
    /** How long a stop waits for the loop to finish the batch it is in: many batches, on a loaded machine. */
    private static final long CLOSE_WAIT_MILLIS = 20_000;

    private final LlamaModel model;
    private final Options options;
    private final String name;
    /** The generations running now, each stopped by {@link #close()}. */
    private final Set<LlamaIterator> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public LlamaCppChatModel(Path modelFile, Options options) {
        loadNativeLibrary();
        this.options = options;
        this.name = modelFile.getFileName().toString();
        long started = System.nanoTime();
        this.model = new LlamaModel(new ModelParameters()
                .setModel(modelFile.toString())
                .setCtxSize(options.contextSize() * options.slots())
                .setThreads(options.threads())
                .setThreadsBatch(options.threads())
                .setParallel(options.slots())
                .setBatchSize(BATCH_TOKENS)
                .setUbatchSize(BATCH_TOKENS)
                // a question about a cached article shares nearly all its prompt with the slot holding it; one
                // about another article shares only the rules, well under half
                .setSlotPromptSimilarity(SAME_ARTICLE_SIMILARITY)
                .disableLog());
        log.info("Loaded {} in {} ms (context {} tokens in each of {} slots, {} threads)", name,
                (System.nanoTime() - started) / 1_000_000, options.contextSize(), options.slots(), options.threads());
    }

    /**
     * Loads llama.cpp's library. The bindings unpack it to one fixed temporary path and rewrite that file on
     * every start, which crashes any other process running from it (a server while `ask` starts, seen here):
     * each process unpacks into a directory of its own. The bindings also announce the unpacking on stdout,
     * where `ask --json` and `eval --json` print their results; that line is sent to stderr instead.
     */
    private static synchronized void loadNativeLibrary() {
        Path directory = null;
        if (System.getProperty(LIBRARY_DIRECTORY) == null) {
            try {
                directory = Files.createTempDirectory("article-chat-llama");
                System.setProperty(LIBRARY_DIRECTORY, directory.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for llama.cpp's library", e);
            }
        }
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> log.trace("llama.cpp: {}", message.strip()));
        } finally {
            System.setOut(stdout);
        }
        if (directory != null) {
            deleteLoadedLibrary(directory);
        }
    }

    /** A loaded library stays mapped after its file is gone; removing it leaves nothing behind in /tmp. */
    private static void deleteLoadedLibrary(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.debug("Could not remove the unpacked llama.cpp library in {}: {}", directory, e.getMessage());
        }
    }

    /** The model file's name, as shown in answers ("local:" + name). */
    public String name() {
        return name;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        StringBuilder text = new StringBuilder();
        int tokens = generate(request, text::append);
        return response(text.toString(), tokens);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        StringBuilder text = new StringBuilder();
        try {
            int tokens = generate(request, piece -> {
                text.append(piece);
                handler.onPartialResponse(piece);
            });
            handler.onCompleteResponse(response(text.toString(), tokens));
        } catch (RuntimeException e) {
            handler.onError(e);
        }
    }

    /** Runs one generation, passing each piece of text on as it is produced; returns the tokens generated. */
    private int generate(ChatRequest request, Consumer<String> sink) {
        int maxTokens = request.maxOutputTokens() != null ? request.maxOutputTokens() : options.maxTokens();
        String prompt = fitToContext(request.messages(), maxTokens);
        InferenceParameters inference = new InferenceParameters(prompt)
                .setNPredict(maxTokens)
                .setTemperature(options.temperature())
                .setRepeatPenalty(1.0f)
                .setCachePrompt(true);
        long started = System.nanoTime();
        long firstToken = 0;
        if (closed) {
            throw new IllegalStateException("the local model is stopping");
        }
        LlamaIterator tokens = model.generate(inference).iterator();
        running.add(tokens);
        int count = 0;
        try {
            while (tokens.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    tokens.cancel();
                    throw new GenerationCancelledException();
                }
                LlamaOutput output = tokens.next();
                if (count++ == 0) {
                    firstToken = System.nanoTime();
                }
                sink.accept(output.text);
            }
            log.debug("Generated {} tokens: first after {} ms, all in {} ms", count, (firstToken - started) / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            tokens.cancel();
            throw e;
        } finally {
            running.remove(tokens);
        }
        return count;
    }

    /**
     * The templated prompt, shortened until prompt and answer fit the context: the longest message loses
     * text from its middle, so that what prompts put at the ends (instructions, the question) survives.
     */
    private String fitToContext(List<ChatMessage> messages, int maxTokens) {
        List<Pair<String, String>> turns = new ArrayList<>();
        String system = "";
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage s) {
                system = s.text();
            } else if (message instanceof UserMessage u) {
                turns.add(new Pair<>("user", u.singleText()));
            } else if (message instanceof AiMessage a && a.text() != null) {
                turns.add(new Pair<>("assistant", a.text()));
            }
        }
        int budget = options.contextSize() - maxTokens;
        while (true) {
            String prompt = model.applyTemplate(new InferenceParameters("").setMessages(system, turns));
            int length = model.encode(prompt).length;
            if (length <= budget) {
                return prompt;
            }
            if (turns.isEmpty()) {
                throw new IllegalArgumentException("the instructions alone exceed the model's context");
            }
            int longest = 0;
            for (int i = 1; i < turns.size(); i++) {
                if (turns.get(i).getValue().length() > turns.get(longest).getValue().length()) {
                    longest = i;
                }
            }
            String text = turns.get(longest).getValue();
            int cut = Math.max(16, (int) (text.length() * (1 - (double) budget / length)) + 16);
            if (text.length() <= cut + 32) {
                throw new IllegalArgumentException("the prompt does not fit the model's context of "
                        + options.contextSize() + " tokens");
            }
            int middle = text.length() / 2;
            turns.set(longest, new Pair<>(turns.get(longest).getKey(),
                    text.substring(0, middle - cut / 2) + " … " + text.substring(middle + cut / 2)));
        }
    }

    private ChatResponse response(String text, int tokens) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .modelName(name)
                .tokenUsage(new TokenUsage(null, tokens))
                .finishReason(tokens >= options.maxTokens() ? FinishReason.LENGTH : FinishReason.STOP)
                .build();
    }

    // ChatModel and StreamingChatModel both give defaults for these; one model answers for both roles.

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return ChatRequestParameters.builder().maxOutputTokens(options.maxTokens())
                .temperature((double) options.temperature()).build();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of();
    }

    /**
     * Stops the model so that the process can exit: the generations running are cancelled, the loop is waited for
     * until it is idle (a one-token generation through the same queue comes back only after every batch before it),
     * then ended. New generations are refused from the start. The bindings free the
     * model's memory only with the process; what matters is that nothing computes when it goes.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        int stopped = 0;
        for (LlamaIterator tokens : running) {
            tokens.cancel(); // its reader stays blocked in llama.cpp, on a daemon thread: the process is ending
            stopped++;
        }
        boolean idle = awaitIdle();
        model.close();
        if (idle) {
            log.info("Stopped {} in {} ms: {} generation(s) cancelled, the task loop idle and ended", name,
                    (System.nanoTime() - started) / 1_000_000, stopped);
        } else {
            log.warn("Stopped {} after {} ms with its task loop still computing: exiting now may crash the process",
                    name, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Whether a one-token generation came back: everything queued before it, cancellations included, is done. */
    private boolean awaitIdle() {
        AtomicBoolean answered = new AtomicBoolean();
        Thread probe = new Thread(() -> {
            try {
                LlamaIterator tokens = model.generate(new InferenceParameters("stop").setNPredict(1)
                        .setCachePrompt(false)).iterator();
                while (tokens.hasNext()) {
                    tokens.next();
                }
                answered.set(true);
            } catch (RuntimeException e) {
                log.warn("The stop's probe of llama.cpp's task loop failed: {}", e.getMessage());
            }
        }, "llama-stop-probe");
        probe.setDaemon(true);
        probe.start();
        try {
            probe.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answered.get();
    }

    /** Thrown when the thread asking for an answer was interrupted and generation stopped early. */
    public static final class GenerationCancelledException extends RuntimeException {
        GenerationCancelledException() {
            super("generation was cancelled");
        }
    }
}
