package dev.articlechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerObserver;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several observers told what answering does, as the metrics and the eval's check tally are. */
class CompositeAnswerObserverTest {

    @Test
    void passes_on_every_method_of_the_interface() {
        List<String> notPassedOn = Arrays.stream(AnswerObserver.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !overridden(m))
                .map(Method::getName)
                .toList();

        assertThat(notPassedOn).as("methods of AnswerObserver that CompositeAnswerObserver leaves to the default")
                .isEmpty();
    }

    @Test
    void tells_each_observer_in_order() {
        List<String> told = new ArrayList<>();
        AnswerObserver first = recording("first", told);
        AnswerObserver second = recording("second", told);
        AnswerObserver both = new CompositeAnswerObserver(List.of(first, second));

        both.generated(3);
        both.answered(new Answer("No.", false, List.of(), "extractive", "q", null, null), true);
        both.sentenceChecked("q", "It is.", "names-held", Map.of("names-held", 1L));
        both.refusedUnasked("q", "unknown-name");
        both.shed();

        assertThat(told).containsExactly("first generated 3", "second generated 3", "first answered true",
                "second answered true", "first names-held", "second names-held", "first unknown-name",
                "second unknown-name", "first shed", "second shed");
    }

    private static boolean overridden(Method method) {
        try {
            return CompositeAnswerObserver.class.getDeclaredMethod(method.getName(), method.getParameterTypes()) != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static AnswerObserver recording(String name, List<String> told) {
        return new AnswerObserver() {
            @Override
            public void generated(int pieces) {
                told.add(name + " generated " + pieces);
            }

            @Override
            public void answered(Answer answer, boolean cached) {
                told.add(name + " answered " + cached);
            }

            @Override
            public void sentenceChecked(String question, String sentence, String droppedBy, Map<String, Long> nanos) {
                told.add(name + " " + droppedBy);
            }

            @Override
            public void refusedUnasked(String question, String rule) {
                told.add(name + " " + rule);
            }

            @Override
            public void shed() {
                told.add(name + " shed");
            }
        };
    }
}
