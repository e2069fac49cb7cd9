package chainrule.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 500 requests from 25 clients at once: mixed endpoints, a tenth bad input, a few past the time
 * limit. Every one is answered, with exactly the answer it gets alone; none is a 500.
 */
class LoadTest {
    @Test
    void fiveHundredRequestsFromTwentyFiveClients() throws Exception {
        List<Load.Call> calls = Load.mix(500, 4, 42);
        // the time limit is far above what a good request takes even on a busy machine, far below the slow ones
        try (Server server = Server.start(new Server.Options("127.0.0.1", 0, Duration.ofSeconds(8), 4, 64))) {
            List<Load.Outcome> outcomes = Load.send(Client.of(server), calls, 25);
            assertEquals(500, outcomes.size());
            List<String> wrong = new ArrayList<>();
            int bad = 0, slow = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                Load.Outcome o = outcomes.get(i);
                assertTrue(o != null, "request " + i + " was lost");
                if (o.status() >= 500 && o.status() != 503) wrong.add(i + ": status " + o.status() + ": " + o.body());
                if (o.status() != o.call().status()) {
                    wrong.add(i + " " + o.call().path() + ": expected " + o.call().status() + ", got " + o.status() + ": " + o.body());
                } else if (o.call().expected() != null && !o.call().expected().equals(o.body())) {
                    wrong.add(i + " " + o.call().path() + ": a different answer: " + o.body());
                }
                if (o.status() == 400) bad++;
                if (o.status() == 503) {
                    slow++;
                    assertTrue(o.body().contains("\"kind\" : \"timeout\""), o.body());
                }
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong.subList(0, Math.min(10, wrong.size()))));
            assertTrue(bad >= 50, "bad input answered 400: " + bad);
            assertEquals(4, slow);
        }
    }
}
