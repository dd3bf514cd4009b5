#pragma once
// Run a program as a user would, capturing its exit status and output.

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace testsupport {

struct ProcessResult {
    int status = -1;  ///< exit status, or 128 + signal
    std::string out;
    std::string err;
};

/// Run `argv` with `input` on its standard input.
inline ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = "") {
    TempDir dir;
    const std::string in_path = dir / "stdin", out_path = dir / "stdout", err_path = dir / "stderr";
    { std::ofstream(in_path, std::ios::binary) << input; }
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int in = open(in_path.c_str(), O_RDONLY);
        const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    ProcessResult result;
    result.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    auto slurp = [](const std::string& path) {
        std::ifstream f(path, std::ios::binary);
        std::stringstream s;
        s << f.rdbuf();
        return s.str();
    };
    result.out = slurp(out_path);
    result.err = slurp(err_path);
    return result;
}

}  // namespace testsupport
