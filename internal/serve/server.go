package serve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/accesscontrol"
	"charm.land/wish/v2/ratelimiter"
	"charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"github.com/secpath/secpath/assess"
)

// Config is what the server is started with; cmd/secpath-serve fills it
// from its flags.
type Config struct {
	// HostKey is the server's private key file, created (mode 0600) when
	// missing.
	HostKey string
	// Data is where every person's sessions are kept, mode 0700.
	Data string
	// AuthorizedKeys, when set, is the authorized_keys file of the
	// participants: any other key is refused. It is read on every attempt.
	// Unset, any key may take part.
	AuthorizedKeys string
	// Facilitators is the authorized_keys file of the facilitators, who
	// see the room. Read on every attempt.
	Facilitators string
	// AllowKeyless lets people without a key in, each given a resume code.
	AllowKeyless bool
	// MaxSessions is how many participants' connections may be open at
	// once (facilitators are not counted); 0 means 100.
	MaxSessions int
	// Idle ends a participant's interface after this long without a key
	// press (their answers are saved); 0 means never.
	Idle time.Duration
	// HandshakeTimeout bounds the SSH handshake; 0 means 30 seconds.
	HandshakeTimeout time.Duration
	// Bank is the question bank everyone answers.
	Bank *assess.Bank
	// Log receives one line when a connection starts and one when it ends;
	// nil means none. It is never given answers.
	Log *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Server is a running workshop server.
type Server struct {
	cfg  Config
	ssh  *ssh.Server
	room *room
	log  *slog.Logger

	mu      sync.Mutex
	live    map[string]*live // by person id: whose interface is open
	count   int              // participants' sessions open
	closing bool
	running sync.WaitGroup // interfaces running
	conns   atomic.Int64   // connections, authenticated or not
}

// New builds a server; it listens once Serve is called.
func New(cfg Config) (*Server, error) {
	if cfg.Bank == nil {
		return nil, errors.New("no question bank")
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 100
	}
	if cfg.HandshakeTimeout <= 0 {
		cfg.HandshakeTimeout = 30 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	// The key files are read on every attempt; one missing at the start
	// is a mistake to hear about now, not as every key refused.
	for _, f := range []string{cfg.AuthorizedKeys, cfg.Facilitators} {
		if f == "" {
			continue
		}
		if _, err := os.ReadFile(f); err != nil {
			return nil, fmt.Errorf("reading the keys file %s: %w", f, err)
		}
	}
	if err := ensurePrivateDir(cfg.Data); err != nil {
		return nil, err
	}
	if err := ensurePrivateDir(filepath.Join(cfg.Data, "people")); err != nil {
		return nil, err
	}
	pem, err := loadHostKey(cfg.HostKey)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: cfg.Log, live: map[string]*live{}}
	s.room = newRoom(cfg.Bank, cfg.Data, cfg.Now)
	// A room behind one NAT shares one address: the burst lets all of it
	// connect at once, the rate lets people reconnect after a drop.
	limiter := ratelimiter.NewRateLimiter(rate.Limit(2), max(40, 2*cfg.MaxSessions), 1000)
	opts := []ssh.Option{
		wish.WithHostKeyPEM(pem),
		wish.WithPublicKeyAuth(s.publicKey),
		func(srv *ssh.Server) error {
			srv.HandshakeTimeout = cfg.HandshakeTimeout
			srv.ConnCallback = s.connection
			if cfg.Idle > 0 {
				// A backstop only: writes refresh it, so the interface's
				// own timer, driven by key presses, is what ends an idle
				// participant.
				srv.IdleTimeout = cfg.Idle + time.Minute
			}
			return nil
		},
		wish.WithMiddleware(
			recover.MiddlewareWithLogger(logPrinter{s.log},
				// Composed first to last: the last runs first.
				s.dispatch,
				accesscontrol.Middleware(commandNames...),
				s.capacity,
				s.identify,
				ratelimiter.Middleware(limiter),
				s.logging,
			),
		),
	}
	if cfg.AllowKeyless {
		opts = append(opts, wish.WithKeyboardInteractiveAuth(s.keyboardInteractive))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, fmt.Errorf("setting up the SSH server: %w", err)
	}
	s.ssh = srv
	return s, nil
}

// Serve accepts connections on l until Shutdown.
func (s *Server) Serve(l net.Listener) error {
	err := s.ssh.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops taking connections, asks every open interface to save
// and close (each says why to its person), waits for them until ctx ends,
// and closes every connection.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	for _, l := range s.live {
		if l.prog != nil { // nil: starting; register closes it
			go l.prog.Send(leaveMsg{reason: "The workshop server is closing. Your answers are saved."})
		}
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = fmt.Errorf("interfaces still open at shutdown: %w", ctx.Err())
	}
	if cerr := s.ssh.Close(); cerr != nil && !errors.Is(cerr, ssh.ErrServerClosed) && err == nil {
		err = cerr
	}
	return err
}

// connection caps the connections open at once, before any handshake, so
// a flood of half-open ones cannot use up the machine; the clear message
// for a full room comes later, from capacity, once the person is known.
func (s *Server) connection(_ ssh.Context, c net.Conn) net.Conn {
	if s.conns.Add(1) > int64(2*s.cfg.MaxSessions+16) {
		s.conns.Add(-1)
		s.log.Warn("connection refused: too many open", "from", c.RemoteAddr().String())
		return nil
	}
	return &countedConn{Conn: c, n: &s.conns}
}

type countedConn struct {
	net.Conn
	n    *atomic.Int64
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() { c.n.Add(-1) })
	return c.Conn.Close()
}

// publicKey decides whether a key may log in. It may be asked about keys
// the client never proves it holds, so it only records the fingerprint;
// identify checks it against the key the session was proved with.
func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	from := ctx.RemoteAddr().String()
	fp := gossh.FingerprintSHA256(key)
	facilitator := false
	if s.cfg.Facilitators != "" {
		ok, err := inKeysFile(s.cfg.Facilitators, key)
		if err != nil {
			s.log.Error("facilitators file", "err", err)
		}
		facilitator = ok
	}
	if !facilitator && s.cfg.AuthorizedKeys != "" {
		ok, err := inKeysFile(s.cfg.AuthorizedKeys, key)
		if err != nil {
			s.log.Error("authorized keys file", "err", err)
		}
		if !ok {
			s.log.Info("key refused", "from", from, "key", person{Fingerprint: fp}.short())
			return false
		}
	}
	perms := ctx.Permissions()
	if perms.Extensions == nil {
		perms.Extensions = map[string]string{}
	}
	perms.Extensions[extFingerprint] = fp
	if facilitator {
		perms.Extensions[extFacilitator] = "yes"
	}
	return true
}

// keyboardInteractive lets a keyless visitor in: an empty answer is a new
// person with a new resume code, a code already given is that person again.
func (s *Server) keyboardInteractive(ctx ssh.Context, challenge gossh.KeyboardInteractiveChallenge) bool {
	answers, err := challenge("", "secpath workshop: no key, so a resume code keeps your place.", []string{"Resume code (press Enter to start afresh): "}, []bool{true})
	if err != nil || len(answers) != 1 {
		return false
	}
	var code string
	if answers[0] == "" {
		if code, err = newCode(); err != nil {
			s.log.Error("resume code", "err", err)
			return false
		}
	} else {
		var ok bool
		if code, ok = normalCode(answers[0]); !ok {
			return false
		}
		if _, err := os.Stat(filepath.Join(s.cfg.Data, "people", codePerson(code).ID)); err != nil {
			s.log.Info("unknown resume code", "from", ctx.RemoteAddr().String())
			return false
		}
	}
	perms := ctx.Permissions()
	if perms.Extensions == nil {
		perms.Extensions = map[string]string{}
	}
	perms.Extensions[extCode] = code
	return true
}

// createHostKey writes a new ed25519 host key, mode 0600, never over an
// existing file.
func createHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("making a host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "secpath-serve host key")
	if err != nil {
		return nil, fmt.Errorf("encoding the host key: %w", err)
	}
	data := pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("creating %s: %w", filepath.Dir(path), err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("creating the host key %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("writing the host key %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("writing the host key %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("writing the host key %s: %w", path, err)
	}
	return data, nil
}

// logPrinter gives the recover middleware the server's log.
type logPrinter struct{ l *slog.Logger }

func (p logPrinter) Printf(format string, v ...any) { p.l.Error(fmt.Sprintf(format, v...)) }
