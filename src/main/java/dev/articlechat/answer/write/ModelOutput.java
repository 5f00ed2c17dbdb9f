package dev.articlechat.answer.write;

import dev.articlechat.answer.Sentences;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans what a language model wrote before it is checked: chat-template tokens, an echo of the prompt,
 * repeated sentences and rambling are removed, and refusals are recognised. Small local models do all of
 * these things. Text is taken as it is generated, so that finished sentences can be checked and shown
 * while the model is still writing.
 */
public final class ModelOutput {

    /** At most this many sentences: the prompt asks for one or two, and more only ramble. */
    static final int MAX_SENTENCES = 3;

    /** Chat-template tokens, with the role name that follows a turn's opening token ("<|im_start|>assistant"). */
    private static final Pattern TEMPLATE_TOKENS = Pattern.compile(
            "(?:<\\|[^|>\\s]{1,40}\\|>|<start_of_turn>)(?:\\s*(?:system|user|assistant|model)\\b)?"
                    + "|</?s>|<end_of_turn>|\\[/?INST]|<<(/?SYS)>>");
    /** Where a model starts repeating its prompt instead of answering. */
    private static final Pattern PROMPT_ECHO = Pattern.compile(
            "(?m)^\\s*(Article: \"|Passages from the article|Passages:|Question( \\(user text\\))?:|Conversation so far|Rules:|"
                    + "User:|Assistant:)");
    /**
     * "Answer:", "The answer is:", "The passage that answers this is:" and the like say nothing; small models
     * often write them before quoting a passage.
     */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?i)(?:(?:the )?answer(?: is)?|(?:the |this )?(?:relevant )?(?:passage|sentence|quote)[^:\"“]{0,100})"
                    + "\\s*:\\s*");
    /** How a lead-in starts, before its colon shows that it is one. */
    private static final Pattern MAYBE_LEAD_IN = Pattern.compile(
            "^(?i)(?:the |this )?(?:answer|relevant|passage|sentence|quote)");
    /**
     * "Yes," and "No," before an answer: whether the fact after them answers yes or no is the model's
     * inference, which no article sentence can confirm (a small model writes "Yes, the trial excluded children"),
     * so the checked fact is shown alone. "No" that starts a fact ("No licensed vaccine exists") stays.
     */
    private static final Pattern YES_OR_NO = Pattern.compile("^(?i)(?:yes\\b[,.;:!]?|no[,.;:!])\\s*");
    /** A quoted passage after a lead-in: the quote marks are the model's, not the article's. */
    private static final Pattern QUOTED = Pattern.compile("^[\"“](.+?)[\"”]((?:\\s*\\[[\\d,\\s]+])*[.!?]?)$");
    private static final Pattern REFUSAL = Pattern.compile(
            "not in the article|(does not|doesn't|do not|don't) (contain|say|mention|provide|include|answer|specify)"
                    + "|no information|not (mentioned|stated|specified|provided)|cannot (answer|be answered|find)"
                    + "|can't (answer|find)|unable to (answer|find)|i don't know");

    private static final Pattern UNCLOSED_MARKER = Pattern.compile("\\s*\\[[\\d,\\s]*$");

    private final StringBuilder raw = new StringBuilder();
    /** The text so far as the last {@link #append} split it: {@link #unfinished()} reads it, not splits again. */
    private List<String> split = List.of();
    private final Set<String> released = new LinkedHashSet<>();
    private int examined;
    private boolean ended;

    /**
     * Adds text as the model produces it and returns the sentences that became complete: a sentence is
     * complete once the next one has begun, so none is released before the model has finished it.
     */
    List<String> append(String piece) {
        raw.append(piece);
        return release(false);
    }

    /** The sentences still held back, once the model has stopped. */
    List<String> finish() {
        return release(true);
    }

    /** Everything the model has written, as it wrote it. */
    String raw() {
        return raw.toString();
    }

    /** True when nothing the model writes next can be used: it echoes its prompt, or has said enough. */
    boolean ended() {
        return ended;
    }

    /** The whole of a model's answer, cleaned, as the sentences {@link #append} and {@link #finish} release. */
    public static String clean(String raw) {
        ModelOutput output = new ModelOutput();
        List<String> sentences = new ArrayList<>(output.append(raw));
        sentences.addAll(output.finish());
        return String.join(" ", sentences);
    }

    /**
     * The sentence the model is still writing, up to its last whole word and without a lead-in; empty when there
     * is none, or while its start may still turn out to be a lead-in. Lets a sentence that cannot pass its check
     * stop the model before it is finished.
     */
    String unfinished() {
        List<String> sentences = split;
        if (ended || sentences.size() <= examined) {
            return "";
        }
        String sentence = sentences.get(sentences.size() - 1);
        if (!raw.isEmpty() && !Character.isWhitespace(raw.charAt(raw.length() - 1))) {
            sentence = sentence.replaceFirst("\\S+$", ""); // the last word may be half written
        }
        if (MAYBE_LEAD_IN.matcher(sentence).lookingAt() && sentence.indexOf(':') < 0) {
            return "";
        }
        return withoutLeadIn(sentence);
    }

    private List<String> release(boolean finished) {
        if (ended && !finished) {
            return List.of();
        }
        List<String> sentences = sentences();
        int complete = finished || ended ? sentences.size() : sentences.size() - 1;
        List<String> fresh = new ArrayList<>();
        for (; examined < complete && released.size() < MAX_SENTENCES; examined++) {
            String plain = withoutLeadIn(sentences.get(examined));
            if (!plain.isEmpty() && released.add(plain)) {
                fresh.add(plain);
            }
        }
        if (released.size() >= MAX_SENTENCES) {
            ended = true;
        }
        return fresh;
    }

    /** The model's text so far, cleaned and split; finds an echo of the prompt, which ends the answer. */
    private List<String> sentences() {
        String text = TEMPLATE_TOKENS.matcher(raw).replaceAll(" ");
        Matcher echo = PROMPT_ECHO.matcher(text);
        if (echo.find()) {
            text = text.substring(0, echo.start());
            ended = true;
        }
        // a marker still being written ("… Wednesday. [1") belongs to the sentence before it, not the next one
        String whole = UNCLOSED_MARKER.matcher(text).replaceFirst("");
        split = Sentences.split(whole.replaceAll("\\s+", " ").strip());
        return split;
    }

    private static String withoutLeadIn(String sentence) {
        String stripped = sentence.strip();
        Matcher yesOrNo = YES_OR_NO.matcher(stripped);
        if (yesOrNo.lookingAt()) {
            String fact = stripped.substring(yesOrNo.end());
            return fact.isEmpty() ? "" : Character.toUpperCase(fact.charAt(0)) + fact.substring(1);
        }
        Matcher leadIn = LEAD_IN.matcher(sentence);
        if (!leadIn.find()) {
            return sentence.strip();
        }
        String rest = sentence.substring(leadIn.end()).strip();
        Matcher quoted = QUOTED.matcher(rest);
        return quoted.matches() ? (quoted.group(1) + quoted.group(2)).strip() : rest;
    }

    static boolean isRefusal(String cleaned) {
        return !cleaned.isEmpty() && REFUSAL.matcher(cleaned.toLowerCase(Locale.ROOT)).find();
    }
}
