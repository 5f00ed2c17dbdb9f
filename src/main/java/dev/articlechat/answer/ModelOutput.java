package dev.articlechat.answer;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans what a language model wrote before it is checked: chat-template tokens, an echo of the prompt,
 * repeated sentences and rambling are removed, and refusals are recognised. Small local models do all of
 * these things.
 */
final class ModelOutput {

    /** At most this many sentences: the prompt asks for one or two. */
    static final int MAX_SENTENCES = 2;

    /** Chat-template tokens, with the role name that follows a turn's opening token ("<|im_start|>assistant"). */
    private static final Pattern TEMPLATE_TOKENS = Pattern.compile(
            "(?:<\\|[^|>\\s]{1,40}\\|>|<start_of_turn>)(?:\\s*(?:system|user|assistant|model)\\b)?"
                    + "|</?s>|<end_of_turn>|\\[/?INST]|<<(/?SYS)>>");
    /** Where a model starts repeating its prompt instead of answering. */
    private static final Pattern PROMPT_ECHO = Pattern.compile(
            "(?m)^\\s*(Passages from the article|Passages:|Question( \\(user text\\))?:|Conversation so far|Rules:|"
                    + "User:|Assistant:)");
    /** "Answer:", "The answer is:" and the like say nothing. */
    private static final Pattern LEAD_IN = Pattern.compile("^(?i)(the )?answer( is)?\\s*:\\s*");
    private static final Pattern REFUSAL = Pattern.compile(
            "not in the article|(does not|doesn't|do not|don't) (contain|say|mention|provide|include|answer|specify)"
                    + "|no information|not (mentioned|stated|specified|provided)|cannot (answer|be answered|find)"
                    + "|can't (answer|find)|unable to (answer|find)|i don't know");

    private ModelOutput() {
    }

    static String clean(String raw) {
        String text = TEMPLATE_TOKENS.matcher(raw).replaceAll(" ");
        Matcher echo = PROMPT_ECHO.matcher(text);
        if (echo.find()) {
            text = text.substring(0, echo.start());
        }
        text = text.replaceAll("\\s+", " ").strip();
        Set<String> sentences = new LinkedHashSet<>();
        for (String sentence : Sentences.split(text)) {
            String plain = LEAD_IN.matcher(sentence).replaceFirst("").strip();
            if (!plain.isEmpty() && sentences.size() < MAX_SENTENCES) {
                sentences.add(plain);
            }
        }
        return String.join(" ", sentences);
    }

    static boolean isRefusal(String cleaned) {
        return !cleaned.isEmpty() && REFUSAL.matcher(cleaned.toLowerCase(Locale.ROOT)).find();
    }
}
