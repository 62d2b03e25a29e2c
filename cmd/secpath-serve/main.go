// Command secpath-serve is the workshop server: every participant who
// connects over SSH takes their own assessment, with nothing to install,
// and a facilitator sees the room. It is a binary of its own so that the
// personal secpath links no network code.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/serve"
	"github.com/secpath/secpath/questions"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	// pflag, as secpath itself uses through cobra: --flags, as the README
	// writes them.
	fs := pflag.NewFlagSet("secpath-serve", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:2222", "`ADDR` to listen on (0.0.0.0:2222 for a room on the local network)")
	hostKey := fs.String("host-key", "", "the server's host key `FILE`, created with mode 0600 on first run (default DATA/host_ed25519)")
	data := fs.String("data", "", "`DIR` for every participant's sessions, mode 0700 (default $XDG_STATE_HOME/secpath-serve)")
	authorized := fs.String("authorized-keys", "", "participants' keys, an authorized_keys `FILE` read on every attempt; unset, any key may join")
	facilitators := fs.String("facilitators", "", "facilitators' keys, an authorized_keys `FILE`: they see the room")
	keyless := fs.Bool("allow-keyless", false, "let people without a key in, each given a resume code")
	maxSessions := fs.Int("max-sessions", 100, "participants connected at once, at most")
	idle := fs.Duration("idle", 30*time.Minute, "close a participant's assessment after this long without a key press (0: never)")
	bank := fs.String("bank", "", "question bank `DIR` instead of the embedded one")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: secpath-serve [flags]\n\nThe workshop server: participants run ssh -p PORT HOST.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "secpath-serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	if *data == "" {
		dir, err := defaultData()
		if err != nil {
			fmt.Fprintln(stderr, "secpath-serve:", err)
			return 1
		}
		*data = dir
	}
	if *hostKey == "" {
		*hostKey = filepath.Join(*data, "host_ed25519")
	}
	var (
		b   *assess.Bank
		err error
	)
	if *bank != "" {
		b, _, err = questions.LoadDir(*bank)
	} else {
		b, _, err = questions.Default()
	}
	if err != nil {
		fmt.Fprintln(stderr, "secpath-serve:", err)
		return 1
	}
	srv, err := serve.New(serve.Config{HostKey: *hostKey, Data: *data, AuthorizedKeys: *authorized, Facilitators: *facilitators,
		AllowKeyless: *keyless, MaxSessions: *maxSessions, Idle: *idle, Bank: b, Log: logger})
	if err != nil {
		fmt.Fprintln(stderr, "secpath-serve:", err)
		return 1
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintln(stderr, "secpath-serve:", err)
		return 1
	}
	logger.Info("listening", "addr", ln.Addr().String(), "data", *data)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		if err != nil {
			fmt.Fprintln(stderr, "secpath-serve:", err)
			return 1
		}
		return 0
	case <-ctx.Done():
	}
	stop()
	logger.Info("shutting down: saving every open session")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		fmt.Fprintln(stderr, "secpath-serve:", err)
		return 1
	}
	logger.Info("stopped")
	return 0
}

// defaultData is $XDG_STATE_HOME/secpath-serve, else
// ~/.local/state/secpath-serve.
func defaultData() (string, error) {
	if x := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "secpath-serve"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no place for the data: give --data DIR, or set XDG_STATE_HOME or HOME: %w", err)
	}
	return filepath.Join(home, ".local", "state", "secpath-serve"), nil
}
