package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SchemaOnDemandSessionTest {
  /**
   * A driver session that records setSchemaMetadataEnabled calls and answers with the next result.
   */
  private static final class FakeDriver {
    final List<Boolean> enabled = new ArrayList<>();
    final List<CompletableFuture<Metadata>> results = new ArrayList<>();
    final Metadata metadata =
        (Metadata)
            Proxy.newProxyInstance(
                Metadata.class.getClassLoader(),
                new Class<?>[] {Metadata.class},
                (p, m, a) -> m.getName().equals("toString") ? "metadata" : null);
    int executes;

    CqlSession session() {
      return (CqlSession)
          Proxy.newProxyInstance(
              CqlSession.class.getClassLoader(),
              new Class<?>[] {CqlSession.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "setSchemaMetadataEnabled" -> {
                      enabled.add((Boolean) args[0]);
                      yield (Boolean) args[0]
                          ? results.remove(0)
                          : CompletableFuture.completedFuture(metadata);
                    }
                    case "getMetadata" -> metadata;
                    case "execute" -> {
                      executes++;
                      yield Proxy.newProxyInstance(
                          ResultSet.class.getClassLoader(),
                          new Class<?>[] {ResultSet.class},
                          (p, m, a) -> null);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }
  }

  @Test
  void should_fetch_the_schema_once_on_the_first_metadata_request_and_not_before() {
    FakeDriver driver = new FakeDriver();
    driver.results.add(CompletableFuture.completedFuture(driver.metadata));
    SchemaOnDemandSession session = new SchemaOnDemandSession(driver.session());

    session.execute("SELECT release_version FROM system.local");
    assertThat(driver.enabled).isEmpty();
    assertThat(session.getMetadata()).isSameAs(driver.metadata);
    assertThat(session.getMetadata()).isSameAs(driver.metadata);

    assertThat(driver.enabled).containsExactly(true);
    assertThat(driver.executes).isEqualTo(1);
  }

  @Test
  void should_wait_for_a_prefetch_that_is_still_running() throws Exception {
    FakeDriver driver = new FakeDriver();
    CompletableFuture<Metadata> refresh = new CompletableFuture<>();
    driver.results.add(refresh);
    SchemaOnDemandSession session = new SchemaOnDemandSession(driver.session());
    session.prefetch();
    CompletableFuture<Metadata> asked = CompletableFuture.supplyAsync(session::getMetadata);
    Thread.sleep(100);

    assertThat(asked).isNotDone();
    refresh.complete(driver.metadata);
    assertThat(asked.get()).isSameAs(driver.metadata);
    assertThat(driver.enabled).containsExactly(true);
  }

  @Test
  void should_try_again_after_a_failed_fetch() {
    FakeDriver driver = new FakeDriver();
    driver.results.add(
        CompletableFuture.failedFuture(new IllegalStateException("schema query timed out")));
    driver.results.add(CompletableFuture.completedFuture(driver.metadata));
    SchemaOnDemandSession session = new SchemaOnDemandSession(driver.session());

    assertThat(session.getMetadata()).isSameAs(driver.metadata);
    assertThat(session.getMetadata()).isSameAs(driver.metadata);

    assertThat(driver.enabled).containsExactly(true, false, true);
  }
}
