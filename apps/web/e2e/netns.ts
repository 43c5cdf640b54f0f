import { execFileSync } from "node:child_process";

/**
 * A second host on this machine: a network namespace joined to this one by a veth pair, so that a
 * request can reach a server here from an address that is not loopback (its TCP peer is
 * `peerAddress`). Needs root and iproute2's `ip` (the CI machines have both).
 */
export interface OtherHost {
  /** This machine's address on the link (servers listening on 0.0.0.0 answer here). */
  hostAddress: string;
  /** The other host's address: the TCP peer its requests arrive from. */
  peerAddress: string;
  /** Runs `node -e script` on the other host and returns its standard output (without colours). */
  node: (script: string) => string;
  remove: () => void;
}

const ip = (...args: string[]) => execFileSync("ip", args, { stdio: ["ignore", "pipe", "pipe"] }).toString();

export function createOtherHost(): OtherHost {
  const id = (process.pid % 50_000).toString(36);
  const ns = `ldst-${id}`;
  const hostSide = `ldh${id}`;
  const peerSide = `ldp${id}`;
  // A private /30 per run, picked from the process id, in 10.213.0.0/16.
  const block = (process.pid % 16_000) * 4;
  const subnet = `10.213.${Math.floor(block / 256)}`;
  const hostAddress = `${subnet}.${(block % 256) + 1}`;
  const peerAddress = `${subnet}.${(block % 256) + 2}`;
  const remove = () => {
    for (const args of [
      ["link", "delete", hostSide],
      ["netns", "delete", ns],
    ]) {
      try {
        ip(...args);
      } catch {
        // already gone
      }
    }
  };
  remove();
  try {
    ip("netns", "add", ns);
    ip("link", "add", hostSide, "type", "veth", "peer", "name", peerSide);
    ip("link", "set", peerSide, "netns", ns);
    ip("addr", "add", `${hostAddress}/30`, "dev", hostSide);
    ip("link", "set", hostSide, "up");
    ip("-n", ns, "addr", "add", `${peerAddress}/30`, "dev", peerSide);
    ip("-n", ns, "link", "set", peerSide, "up");
    ip("-n", ns, "link", "set", "lo", "up");
  } catch (error) {
    remove();
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(
      `Could not make a second host (a network namespace; needs root and iproute2): ${stderr}`,
      {
        cause: error,
      },
    );
  }
  return {
    hostAddress,
    peerAddress,
    node: (script) =>
      execFileSync("ip", ["netns", "exec", ns, process.execPath, "-e", script], {
        // The test runner forces colours on; a number printed with them would not compare equal.
        env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 30_000,
      }).toString(),
    remove,
  };
}
