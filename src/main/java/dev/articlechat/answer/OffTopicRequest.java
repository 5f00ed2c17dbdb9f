package dev.articlechat.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Requests that are not questions about the article: write code or verse, translate, play a role, ignore or
 * reveal the instructions. They get the refusal without a model being asked: a coder model happily writes the
 * Python it is asked for, and a sentence of role-play can be true to the article and still not be an answer.
 */
final class OffTopicRequest {

    private static final Pattern REQUEST = Pattern.compile(String.join("|",
            "\\b(write|generate|create|give me|show me|produce|implement|code)\\b.{0,40}"
                    + "\\b(code|script|program|function|class|snippet|regex|sql|python|java(script)?|html|css|bash"
                    + "|poem|haiku|song|limerick|essay|story|joke|rap)\\b",
            "\\b(python|javascript|java|sql|bash|c\\+\\+|rust|go)\\s+(code|script|function|program)\\b",
            // a request to translate, not "Who translated the treaty into French?"
            "(^\\W*(please\\s+)?|\\b(can|could|will|would) you (please )?)(translate|give me a translation)\\b",
            // addressed to the bot: "Act as…" or "Can you pretend…", not "Did the minister act as a mediator?"
            "^\\W*(please\\s+)?(pretend|role-?play|act as|you are now|from now on|play the role|impersonate)\\b",
            "\\b(can|could|will|would) you (please )?(pretend|role-?play|act as|play the role|impersonate)\\b",
            // the bot's own instructions, not "Why did the council ignore the safety rules?"
            "\\b(ignore|disregard|forget|override)\\b\\s+((all|any|the|your|my|these|those|of)\\s+)*"
                    + "((previous|prior|above|earlier|preceding|system)\\s+)?(instructions|prompts?|guidelines)\\b",
            "\\b(ignore|disregard|forget)\\b\\s+((all|any|the|your)\\s+)*(previous|prior|above|earlier)\\b",
            "\\b(system prompt|your (instructions|rules|prompt|guidelines)|initial prompt|developer mode"
                    + "|jailbreak)\\b"));

    private OffTopicRequest() {
    }

    static boolean matches(String question) {
        return REQUEST.matcher(question.toLowerCase(Locale.ROOT)).find();
    }
}
