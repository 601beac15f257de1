#pragma once
// One function per subcommand; argv[0] is the subcommand's name. Each returns the process exit code:
// 0 success, 1 the input was refused (the error is printed), 2 bad usage.
namespace chartmix::cli {

int RunInspect(int argc, char** argv);
int RunRank(int argc, char** argv);
int RunCompare(int argc, char** argv);
int RunSensitivity(int argc, char** argv);
int RunFit(int argc, char** argv);
int RunDemo(int argc, char** argv);
int RunMatchReport(int argc, char** argv);

} // namespace chartmix::cli
