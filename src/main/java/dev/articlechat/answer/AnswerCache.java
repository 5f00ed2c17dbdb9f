package dev.articlechat.answer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recent answers by question and conversation. The same questions arrive again and again (the widget's
 * suggested questions, a page that many readers open), and an answer depends only on them and the index,
 * so a repeat is served from memory. Least recently used answers are dropped first.
 */
final class AnswerCache {

    private final Map<Question, Answer> answers;

    AnswerCache(int capacity) {
        this.answers = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Question, Answer> eldest) {
                return size() > capacity;
            }
        });
    }

    Optional<Answer> get(Question question) {
        return Optional.ofNullable(answers.get(question));
    }

    void put(Question question, Answer answer) {
        answers.put(question, answer);
    }
}
