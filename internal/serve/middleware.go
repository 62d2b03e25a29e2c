package serve

import (
	"fmt"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	gossh "golang.org/x/crypto/ssh"
)

type ctxKey struct{ name string }

var personKey = &ctxKey{"person"}

// whoOf is the person identify confirmed for a session.
func whoOf(sess ssh.Session) (person, bool) {
	p, ok := sess.Context().Value(personKey).(person)
	return p, ok
}

// logging writes one line when a session starts and one when it ends:
// who (the key's fingerprint prefix, or a resume code), from where, what
// they ran and for how long. Never an answer, a name or a plan.
func (s *Server) logging(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := s.cfg.Now()
		kind, who := "participant", "unknown"
		if pk := sess.PublicKey(); pk != nil {
			who = person{Fingerprint: gossh.FingerprintSHA256(pk)}.short()
		} else if sess.Permissions().Extensions[extCode] != "" {
			kind, who = "keyless", "resume-code"
		}
		if sess.Permissions().Extensions[extFacilitator] != "" {
			kind = "facilitator"
		}
		what := "interface"
		if cmd := sess.Command(); len(cmd) > 0 {
			what = cmd[0]
		}
		from := sess.RemoteAddr().String()
		s.log.Info("connected", "who", who, "kind", kind, "from", from, "run", what)
		defer func() {
			s.log.Info("disconnected", "who", who, "kind", kind, "from", from, "run", what, "duration", s.cfg.Now().Sub(start).Round(time.Millisecond).String())
		}()
		next(sess)
	}
}

// identify confirms who a session is. Authentication may have been
// asked about several keys; the one the session holds is the one the
// client proved, so its fingerprint must be the one recorded when it was
// accepted (the check soft-serve added for CVE-2024-45337).
func (s *Server) identify(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		ext := sess.Permissions().Extensions
		var p person
		switch pk := sess.PublicKey(); {
		case pk != nil:
			if ext[extFingerprint] == "" || ext[extFingerprint] != gossh.FingerprintSHA256(pk) {
				s.log.Warn("session key differs from the key accepted", "from", sess.RemoteAddr().String())
				wish.Fatalln(sess, "Could not confirm your key. Connect again.")
				return
			}
			p = keyPerson(pk)
			p.Facilitator = ext[extFacilitator] != ""
		case s.cfg.AllowKeyless && ext[extCode] != "":
			p = codePerson(ext[extCode])
		default:
			wish.Fatalln(sess, "This workshop needs an SSH key. Make one with ssh-keygen and connect again.")
			return
		}
		sess.Context().SetValue(personKey, p)
		next(sess)
	}
}

// capacity holds the room to MaxSessions participants' sessions at once,
// telling the one who does not fit why; facilitators always get in. It
// also turns people away once the server is closing.
func (s *Server) capacity(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		p, _ := whoOf(sess)
		s.mu.Lock()
		if s.closing {
			s.mu.Unlock()
			wish.Fatalln(sess, "The workshop server is closing.")
			return
		}
		if !p.Facilitator {
			if s.count >= s.cfg.MaxSessions {
				s.mu.Unlock()
				s.log.Warn("session refused: the room is full", "who", p.short(), "max", s.cfg.MaxSessions)
				wish.Fatalln(sess, fmt.Sprintf("The workshop is full: all %d places are taken. Ask the facilitator; try again in a few minutes.", s.cfg.MaxSessions))
				return
			}
			s.count++
			defer func() {
				s.mu.Lock()
				s.count--
				s.mu.Unlock()
			}()
		}
		s.mu.Unlock()
		next(sess)
	}
}

// dispatch sends a session to its face: a command without a terminal, the
// room view for a facilitator, the assessment for everyone else.
func (s *Server) dispatch(_ ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		p, ok := whoOf(sess)
		if !ok {
			return
		}
		if len(sess.Command()) > 0 {
			_ = sess.Exit(s.command(sess, p))
			return
		}
		activeterm.Middleware()(func(sess ssh.Session) {
			if p.Facilitator {
				s.serveRoom(sess, p)
				return
			}
			s.serveParticipant(sess, p)
		})(sess)
	}
}
