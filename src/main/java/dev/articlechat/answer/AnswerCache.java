package dev.articlechat.answer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recent answers by question and conversation. The same questions arrive again and again (the widget's
 * suggested questions, a page that many readers open), and an answer depends only on them and the index,
 * so a repeat is served from memory. Least recently used answers are dropped first.
 */
final class AnswerCache {

    private final Map<Question, Entry> answers;

    AnswerCache(int capacity) {
        this.answers = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Question, Entry> eldest) {
                return size() > capacity;
            }
        });
    }

    /** An answer and the sources it was written from, so that a stream can be replayed. */
    record Entry(Answer answer, List<Source> sources) {
    }

    Optional<Entry> get(Question question) {
        return Optional.ofNullable(answers.get(question));
    }

    void put(Question question, Entry entry) {
        answers.put(question, entry);
    }
}
