package io.cqlp.session;

import com.datastax.dse.protocol.internal.DseProtocolV1ClientCodecs;
import com.datastax.dse.protocol.internal.DseProtocolV2ClientCodecs;
import com.datastax.dse.protocol.internal.ProtocolV4ClientCodecsForDse;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.session.ProgrammaticArguments;
import com.datastax.oss.driver.api.core.session.Session;
import com.datastax.oss.driver.api.core.session.SessionBuilder;
import com.datastax.oss.driver.internal.core.context.DefaultDriverContext;
import com.datastax.oss.driver.internal.core.context.LifecycleListener;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.ProtocolV3ClientCodecs;
import com.datastax.oss.protocol.internal.ProtocolV5ClientCodecs;
import com.datastax.oss.protocol.internal.ProtocolV6ClientCodecs;
import com.datastax.oss.protocol.internal.request.Startup;
import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CqlSession} builder whose driver context leaves out two DataStax Enterprise features
 * that cost a one-shot run its start-up time: the STARTUP message's "baggage" option and the
 * Insights client.
 *
 * <p>The driver (4.19) serialises its load-balancing settings into a {@code DRIVER_BAGGAGE} STARTUP
 * option with a Jackson {@code ObjectMapper}, built in a static initialiser: about 70 ms of a
 * one-shot {@code cqlp -e} on 2 cores, for an option only DataStax Enterprise's Insights reads.
 * This context sends the other options the driver would: {@code DRIVER_NAME}, {@code
 * DRIVER_VERSION}, {@code CLIENT_ID} (random per session) and {@code COMPRESSION} when a compressor
 * is configured, plus {@code APPLICATION_NAME=cqlp} and its version. STARTUP is the native
 * protocol's section 4.1.1; Cassandra 4.0 and later keep every option a client sends there and show
 * them in {@code system_views.clients.client_options}.
 *
 * <p>The driver also builds its Insights client (another {@code ObjectMapper}, platform probes) on
 * every session ready, even with {@code advanced.monitor-reporting.enabled = false}, whenever
 * Jackson is on the class path; this context registers no such lifecycle listener.
 *
 * <p>Its frame codec decodes protocol v5's ROWS results with {@link PageRowsCodec}: a page's row
 * data copied once and indexed, not read cell by cell on the driver's I/O thread.
 *
 * <p>Custom contexts are the driver's documented extension point ({@link
 * SessionBuilder#buildContext}).
 */
final class LeanSessionBuilder extends SessionBuilder<LeanSessionBuilder, CqlSession> {

  @Override
  protected CqlSession wrap(CqlSession defaultSession) {
    return defaultSession;
  }

  @Override
  protected DriverContext buildContext(
      DriverConfigLoader configLoader, ProgrammaticArguments programmaticArguments) {
    return new LeanContext(configLoader, programmaticArguments);
  }

  private static final class LeanContext extends DefaultDriverContext {
    private final Map<String, String> startupOptions;

    LeanContext(DriverConfigLoader configLoader, ProgrammaticArguments programmaticArguments) {
      super(configLoader, programmaticArguments);
      this.startupOptions =
          ClientOptions.startup(
              Session.OSS_DRIVER_COORDINATES.getName(),
              Session.OSS_DRIVER_COORDINATES.getVersion().toString());
    }

    /**
     * The driver's frame codec (4.19's {@code DefaultDriverContext.buildFrameCodec}: the same
     * primitive codec, compressor and codec groups, in the same order), with v5's ROWS results
     * decoded by {@link PageRowsCodec}.
     */
    @Override
    protected FrameCodec<ByteBuf> buildFrameCodec() {
      return new FrameCodec<>(
          getPrimitiveCodec(),
          getCompressor(),
          new ProtocolV3ClientCodecs(),
          new ProtocolV4ClientCodecsForDse(),
          PageRowsCodec.withPageRows(new ProtocolV5ClientCodecs()),
          new ProtocolV6ClientCodecs(),
          new DseProtocolV1ClientCodecs(),
          new DseProtocolV2ClientCodecs());
    }

    @Override
    protected List<LifecycleListener> buildLifecycleListeners() {
      return List.of();
    }

    @Override
    public Map<String, String> getStartupOptions() {
      // The compressor is built lazily from the configuration, so it is asked here, not above.
      String algorithm = getCompressor().algorithm();
      if (algorithm == null || algorithm.trim().isEmpty()) {
        return startupOptions;
      }
      Map<String, String> withCompression = new LinkedHashMap<>(startupOptions);
      withCompression.put(Startup.COMPRESSION_KEY, algorithm.trim());
      return withCompression;
    }
  }
}
