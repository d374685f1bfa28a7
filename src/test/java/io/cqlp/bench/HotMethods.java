package io.cqlp.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JDK Flight Recorder file and prints where the CPU samples fall, for bench/run's profile
 * of an export. Not a test.
 *
 * <p>{@code HotMethods recording.jfr [top]}: of the {@code jdk.ExecutionSample} events, the {@code
 * top} (default 25) methods by self samples (the sample's top frame), then the {@code top} methods
 * by total samples (anywhere on the stack, counted once a sample), each with its share of all
 * samples, and the share of each thread-name group.
 */
public final class HotMethods {
  private HotMethods() {}

  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (!frames.isEmpty()) {
        self.merge(name(frames.get(0)), 1, Integer::sum);
      }
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        if (seen.add(name(f))) {
          total.merge(name(f), 1, Integer::sum);
        }
      }
      String thread =
          e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("[-_ ]?\\d+$", ""), 1, Integer::sum);
    }
    System.out.println("profile: " + samples + " CPU samples");
    print("threads", threads, samples, top);
    print("self", self, samples, top);
    print("total", total, samples, top);
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println("-- " + title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    java.util.Locale.ROOT,
                    "%6.1f%%  %s%n",
                    100.0 * e.getValue() / Math.max(1, samples),
                    e.getKey()));
  }
}
