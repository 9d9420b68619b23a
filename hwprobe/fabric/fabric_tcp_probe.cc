#include "hwprobe/fabric/fabric_tcp_probe.h"

#include <exception>
#include <memory>
#include <thread>

#include "hwprobe/fabric/fabric_class.h"
#include "hwprobe/fabric/peer_endpoint.h"
#include "hwprobe/fabric/tcp_socket.h"
#include "hwprobe/fabric/tls_stream.h"
#include "hwprobe/fabric/transfer_protocol.h"
#include "hwprobe/gpu/sweep_plan.h"
#include "hwprobe/mpi/world.h"

namespace hwprobe::fabric {
namespace {

using namespace std::chrono_literals;

constexpr auto kIoTimeout = 60s;      // one blocked send/recv
constexpr auto kAcceptTimeout = 90s;  // the peer may try several addresses first
constexpr auto kConnectTimeout = 5s;  // per address

const SweepDefaults kDefaults{.min_bytes = 4 << 10,
                              .max_bytes = 256 << 20,
                              .quick_max_bytes = 16 << 20,
                              .trials = 10,
                              .quick_trials = 3};

enum class Mode { plain, tls };
const char* name(Mode mode) { return mode == Mode::plain ? "plain" : "tls"; }

// Where one session of measurements runs, said in every result row.
struct Link {
  std::string path;  // "loopback_thread" or "mpi"
  int peer_rank = -1;
  std::string peer_host;
  std::string address;
};

struct Session {
  std::unique_ptr<ByteStream> stream;
  std::string tls_version;
  std::string cipher;
};

Session open_server(Mode mode, Socket socket, const TlsIdentity& identity) {
  tune_for_transfer(socket, kIoTimeout);
  if (mode == Mode::plain) return {std::make_unique<PlainStream>(std::move(socket)), "", ""};
  auto tls = TlsStream::accept(std::move(socket), identity);
  Session session{nullptr, tls->version(), tls->cipher()};
  session.stream = std::move(tls);
  return session;
}

Session open_client(Mode mode, Socket socket, const std::string& server_certificate_pem) {
  tune_for_transfer(socket, kIoTimeout);
  if (mode == Mode::plain) return {std::make_unique<PlainStream>(std::move(socket)), "", ""};
  auto tls = TlsStream::connect(std::move(socket), server_certificate_pem);
  Session session{nullptr, tls->version(), tls->cipher()};
  session.stream = std::move(tls);
  return session;
}

// The timed sweep, driven by this side; ends the peer's serve() loop when done.
void measure_sends(Context& ctx, Session& session, Mode mode, const Link& link,
                   const SweepPlan& plan, const std::vector<std::byte>& payload) {
  const TimeBudget budget(ctx.options().quick ? 5s : 30s);
  std::size_t step = 0;
  for (std::uint64_t bytes : plan.sizes) {
    if (budget.exhausted()) break;
    for (int i = 0; i < plan.warmups; ++i) send_timed(*session.stream, payload, bytes);
    std::vector<double> samples;
    for (int i = 0; i < plan.trials; ++i) {
      stop_if_cancelled(ctx);
      samples.push_back(send_timed(*session.stream, payload, bytes));
      if (budget.exhausted()) break;
    }
    nlohmann::json params = {{"bytes", bytes},
                             {"mode", name(mode)},
                             {"direction", "send"},
                             {"path", link.path},
                             {"peer_rank", link.peer_rank},
                             {"peer_host", link.peer_host},
                             {"address", link.address},
                             {"fabric", tcp_fabric(link.address)},
                             {"clock", "host"}};
    if (mode == Mode::tls) {
      params["tls_version"] = session.tls_version;
      params["cipher"] = session.cipher;
    }
    ctx.record(std::move(params), std::move(samples));
    ctx.progress(++step, plan.sizes.size());
  }
  send_end(*session.stream);
}

void run_loopback(Context& ctx, Mode mode, const SweepPlan& plan,
                  const std::vector<std::byte>& payload) {
  std::uint16_t port = 0;
  Socket listener = listen_tcp(port);
  const TlsIdentity identity = TlsIdentity::generate();
  std::exception_ptr server_error;
  std::thread server([&] {
    try {
      Session session = open_server(mode, accept_tcp(listener, 10s), identity);
      serve(*session.stream);
    } catch (...) {
      server_error = std::current_exception();
    }
  });
  try {
    Session session = open_client(mode, connect_tcp("127.0.0.1", port, kConnectTimeout),
                                  identity.certificate_pem());
    measure_sends(ctx, session, mode, {"loopback_thread", 0, "localhost", "127.0.0.1"}, plan,
                  payload);
  } catch (...) {
    server.join();  // the closed client socket ends the server's wait
    throw;
  }
  server.join();
  if (server_error) std::rethrow_exception(server_error);
}

// Rank 0 connects to `peer`; first rank 0 times its sends, then the peer times its own.
void run_pair(Context& ctx, Mode mode, int peer, const std::vector<PeerEndpoint>& endpoints,
              const Socket& listener, const TlsIdentity& identity, const SweepPlan& plan,
              const std::vector<std::byte>& payload) {
  const int me = ctx.environment().rank;
  if (me == 0) {
    const PeerEndpoint& target = endpoints[peer];
    std::string last_error = "no address to try";
    for (const std::string& address : addresses_to_try(target, endpoints[0].host)) {
      Socket socket;
      try {
        socket = connect_tcp(address, target.port, kConnectTimeout);
      } catch (const ProbeError& e) {
        last_error = e.what();
        continue;
      }
      Session session = open_client(mode, std::move(socket), target.certificate_pem);
      measure_sends(ctx, session, mode, {"mpi", peer, target.host, address}, plan, payload);
      serve(*session.stream);
      return;
    }
    throw ProbeError("rank 0 cannot reach rank " + std::to_string(peer) + " (" + target.host +
                     "): " + last_error);
  }
  if (me == peer) {
    Socket socket = accept_tcp(listener, kAcceptTimeout);
    const std::string address = peer_address(socket);
    Session session = open_server(mode, std::move(socket), identity);
    serve(*session.stream);
    measure_sends(ctx, session, mode, {"mpi", 0, endpoints[0].host, address}, plan, payload);
  }
}

void run_between_ranks(Context& ctx, const SweepPlan& plan, const std::vector<std::byte>& payload) {
  std::uint16_t port = 0;
  Socket listener;
  const Environment& env = ctx.environment();
  if (env.rank != 0) listener = listen_tcp(port);
  const TlsIdentity identity = TlsIdentity::generate();
  std::vector<PeerEndpoint> endpoints;
  for (const std::string& text :
       mpi::all_gather(to_json(local_endpoint(port, identity.certificate_pem())).dump())) {
    endpoints.push_back(endpoint_from_json(nlohmann::json::parse(text)));
  }
  for (int peer = 1; peer < env.world_size; ++peer) {
    for (Mode mode : {Mode::plain, Mode::tls}) {
      std::string error;
      try {
        run_pair(ctx, mode, peer, endpoints, listener, identity, plan, payload);
      } catch (const std::exception& e) {
        error = e.what();
      }
      // Every rank learns of a failure, so none waits for a pair that will never come.
      if (!mpi::all_true(error.empty())) {
        throw ProbeError(error.empty()
                             ? "fabric.tcp failed between rank 0 and rank " + std::to_string(peer)
                             : error);
      }
    }
  }
}

}  // namespace

std::string FabricTcpProbe::description() const {
  return "TCP transfer time per message size, plain and TLS 1.3 AES-GCM (OpenSSL): between "
         "MPI ranks (rank 0 with each other rank, both directions) or over loopback";
}

Filter FabricTcpProbe::filter(const Environment&) const { return Filter::yes(); }

void FabricTcpProbe::run(Context& ctx) {
  const SweepPlan plan = plan_sweep(ctx.options(), kDefaults);
  // Not all zeros: nothing on the path may compress or skip it.
  std::vector<std::byte> payload(plan.sizes.back());
  for (std::size_t i = 0; i < payload.size(); ++i) {
    payload[i] = static_cast<std::byte>((i * 2654435761u) >> 13);
  }
  if (ctx.environment().world_size > 1) {
    run_between_ranks(ctx, plan, payload);
    return;
  }
  for (Mode mode : {Mode::plain, Mode::tls}) run_loopback(ctx, mode, plan, payload);
}

}  // namespace hwprobe::fabric
