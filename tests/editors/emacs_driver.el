;;; emacs_driver.el --- drives Emacs as a user would, for tests/test_editors.py  -*- lexical-binding: t -*-

;; Run as `emacs --batch -Q -l emacs_driver.el'.  Activates the installed packages as a normal
;; start does (-Q skips that, and Debian's elpa-* packages live outside `package-user-dir'),
;; loads editors/emacs/argmap-eglot.el as README says, opens a map, waits (bounded) for
;; flymake's diagnostics from eglot, asks for a definition (as M-. does) and a hover, opens a
;; plain YAML file, and prints what it saw as one JSON object on standard output.

;;; Code:

(require 'json)
(require 'package)
(setq package-user-dir (expand-file-name "elpa" (getenv "HOME")))
(dolist (dir '("/usr/share/emacs/site-lisp/elpa" "/usr/local/share/emacs/site-lisp/elpa"))
  (when (file-directory-p dir)
    (add-to-list 'package-directory-list dir)))
(package-initialize)

(defvar argmap-driver-wait (/ (string-to-number (getenv "ARGMAP_WAIT_MS")) 1000.0)
  "Seconds to wait for the server, at most, at each step.")

(defvar argmap-driver-seen nil
  "What the driver saw, as an alist for `json-encode'.")

(defun argmap-driver-note (key value)
  "Record VALUE under KEY."
  (push (cons key value) argmap-driver-seen))

(defun argmap-driver-wait-until (predicate)
  "Wait until PREDICATE returns non-nil or `argmap-driver-wait' passes; its last value."
  (let ((deadline (+ (float-time) argmap-driver-wait))
        (value (funcall predicate)))
    (while (and (not value) (< (float-time) deadline))
      (accept-process-output nil 0.02)
      (setq value (funcall predicate)))
    value))

(defun argmap-driver-position (line character)
  "The buffer position of the zero-based LINE and CHARACTER (ASCII text)."
  (save-excursion
    (goto-char (point-min))
    (forward-line line)
    (+ (point) character)))

(defun argmap-driver-run ()
  "Open the map and the plain file; record what Emacs shows."
  (load (getenv "ARGMAP_EL") nil t)
  (find-file (getenv "ARGMAP_MAP"))
  (argmap-driver-note 'mode (symbol-name major-mode))
  (argmap-driver-note 'parent (symbol-name (symbol-function 'argmap--yaml-mode)))
  (argmap-driver-note 'yaml-ts-ready (and (fboundp 'treesit-language-available-p)
                                          (treesit-language-available-p 'yaml)
                                          t))
  (argmap-driver-note 'yaml-mode-present (and (fboundp 'yaml-mode) t))
  ;; eglot-ensure connects after the command that opened the file: end that command.
  (run-hooks 'post-command-hook)
  (argmap-driver-note 'managed (and (bound-and-true-p eglot--managed-mode) t))
  (let ((found (argmap-driver-wait-until #'flymake-diagnostics)))
    (argmap-driver-note
     'diagnostics
     (vconcat
      (mapcar (lambda (d)
                ;; The server's own code and message, as eglot keeps them beside the text it
                ;; shows (which eglot 1.9 writes "argmap [code]: message", later ones otherwise).
                (let ((beg (flymake-diagnostic-beg d))
                      (lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
                  `((line . ,(1- (line-number-at-pos beg)))
                    (col . ,(save-excursion (goto-char beg) (current-column)))
                    (type . ,(symbol-name (flymake-diagnostic-type d)))
                    (code . ,(plist-get lsp :code))
                    (message . ,(plist-get lsp :message))
                    (text . ,(format "%s" (flymake-diagnostic-text d))))))
              found))))
  (when (flymake-diagnostics)
    (let ((at (split-string (getenv "ARGMAP_AT") ",")))
      (goto-char (argmap-driver-position (string-to-number (car at))
                                         (string-to-number (cadr at)))))
    (let* ((backend (xref-find-backend))
           (id (xref-backend-identifier-at-point backend))
           (found (xref-backend-definitions backend id)))
      (argmap-driver-note 'xref-backend (symbol-name backend))
      (argmap-driver-note
       'definitions
       (vconcat (mapcar (lambda (item)
                          (let ((location (xref-item-location item)))
                            `((file . ,(xref-location-group location))
                              (line . ,(1- (xref-location-line location))))))
                        found))))
    (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                  (eglot--TextDocumentPositionParams))))
      (argmap-driver-note 'hover (plist-get (plist-get hover :contents) :value))))
  (find-file (getenv "ARGMAP_PLAIN"))
  (run-hooks 'post-command-hook)
  (argmap-driver-note 'plain-mode (symbol-name major-mode))
  (argmap-driver-note 'plain-managed (and (bound-and-true-p eglot--managed-mode) t)))

(condition-case oops
    (argmap-driver-run)
  (error (argmap-driver-note 'error (error-message-string oops))))
(princ (json-encode argmap-driver-seen))
(terpri)
(kill-emacs 0)

;;; emacs_driver.el ends here
