import { createInterface } from "node:readline";

/** Reads a secret from stdin (piped) or from a prompt that does not echo what is typed. */
export async function readSecret(prompt: string, fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.replace(/\r?\n$/, "");
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const rlWithOutput = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(prompt);
  rlWithOutput._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stderr.write("\n");
  return answer;
}
