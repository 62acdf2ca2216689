#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# l2tpsec apply: a translated tree installed below a root (--root, as a staging tree): the diff
# first (secrets never shown), --dry-run writes nothing, files land root's with 0600 for secrets,
# what they replace is kept in a backup, charon and xl2tpd are told only when their files
# changed and only when they run, a second apply has nothing to do; swanctl refusing the new
# connections puts every file back (new ones removed) and loads the old ones again; a tree
# translate did not write, a destination that is a symbolic link and a caller who is not root
# (without --root) are refused. swanctl and systemctl are stand-ins that log their calls.
set -u
. "${top_srcdir:-.}/tests/unit/testlib.sh"
cmd=${top_builddir:-.}/l2tpsec
profiles=${top_srcdir:-.}/profiles/ios
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$work/bin" "$root/etc/xl2tpd" "$root/etc/ppp" "$root/etc/swanctl"
cat > "$work/bin/swanctl" <<'FAKE'
#!/bin/sh
echo "swanctl $*" >> "$FAKE_LOG"
case $1 in
--stats) [ -z "${FAKE_CHARON_DOWN:-}" ] ;;
--load-all)
	if [ -n "${FAKE_LOAD_FAIL:-}" ] && [ ! -e "$FAKE_LOAD_FAIL" ]; then
		: > "$FAKE_LOAD_FAIL"; echo "loading connection 'L2TP-IPSEC' failed: invalid proposal"; exit 1
	fi ;;
esac
FAKE
cat > "$work/bin/systemctl" <<'FAKE'
#!/bin/sh
echo "systemctl $*" >> "$FAKE_LOG"
[ "$1" != is-active ] || [ -n "${FAKE_XL2TPD_ACTIVE:-}" ]
FAKE
chmod +x "$work/bin/swanctl" "$work/bin/systemctl"
export PATH="$work/bin:$PATH" FAKE_LOG="$work/calls"
apply() { "$cmd" apply "$@"; }
sum() { (cd "$root" && find . -type f ! -path './var/*' -exec sha256sum {} + | sort); }

"$cmd" translate -o "$work/out" "$profiles/lns-windows-dynamic.cfg" > /dev/null 2>&1
t test -f "$work/out/swanctl/swanctl.conf"
printf '; written by hand\n[global]\nport = 1701\n' > "$root/etc/xl2tpd/xl2tpd.conf"
printf 'olduser * "old-secret" *\n' > "$root/etc/ppp/chap-secrets"; chmod 600 "$root/etc/ppp/chap-secrets"
before=$(sum)

# --dry-run: the whole change shown, secrets not, nothing written
apply --dry-run --root "$root" "$work/out" > "$work/dry.out" 2>&1; t [ $? = 0 ]
t grep -q "^changed $root/etc/xl2tpd/xl2tpd.conf (mode 0644, root:root)$" "$work/dry.out"
t grep -q '^+l2tpsec crypto profile = WIN-DYN$' "$work/dry.out"
t grep -q '^-; written by hand$' "$work/dry.out"
t grep -q "^new $root/etc/swanctl/swanctl.conf (mode 0600, root:root)$" "$work/dry.out"
t grep -q '^  (holds secrets: its contents are not shown)$' "$work/dry.out"
t grep -q "^new $root/etc/l2tpsec/README.translation" "$work/dry.out"
t not_grep 'old-secret' "$work/dry.out"
t not_grep 'secret = ' "$work/dry.out"
t grep -q '^[0-9]* file(s) to change, 0 unchanged$' "$work/dry.out"
t [ "$(sum)" = "$before" ]
t test ! -e "$work/calls"

# apply: charon and xl2tpd not running
FAKE_CHARON_DOWN=1 apply --root "$root" "$work/out" > "$work/apply.out" 2>&1; t [ $? = 0 ]
t cmp -s "$work/out/xl2tpd/xl2tpd.conf" "$root/etc/xl2tpd/xl2tpd.conf"
t cmp -s "$work/out/swanctl/swanctl.conf" "$root/etc/swanctl/swanctl.conf"
t [ "$(stat -c %a "$root/etc/swanctl/swanctl.conf")" = 600 ]
t [ "$(stat -c %a "$root/etc/ppp/chap-secrets")" = 600 ]
t [ "$(stat -c %a "$root/etc/xl2tpd/l2tp-secrets")" = 600 ]
t [ "$(stat -c %a "$root/etc/xl2tpd/xl2tpd.conf")" = 644 ]
t test -f "$root/etc/strongswan.d/charon/l2tp-security.conf"
t test -f "$root/etc/l2tpsec/README.translation"
t test ! -e "$root/etc/.l2tpsec-translate"
backup=$(sed -n 's/^applied .* kept in \(.*\)$/\1/p' "$work/apply.out")
t [ -n "$backup" ]
t grep -qx '; written by hand' "$backup/etc/xl2tpd/xl2tpd.conf"
t grep -q 'old-secret' "$backup/etc/ppp/chap-secrets"
t [ "$(stat -c %a "$backup/etc/ppp/chap-secrets")" = 600 ]
t [ "$(stat -c %a "$backup")" = 700 ]
t grep -q '^charon is not running' "$work/apply.out"
t grep -q '^xl2tpd.service is not running' "$work/apply.out"
t grep -qx 'swanctl --stats' "$work/calls"
t not_grep 'load-all' "$work/calls"
t not_grep 'restart' "$work/calls"
t not_grep 'old-secret' "$work/apply.out"

# again: nothing to do, nothing called
: > "$work/calls"
apply --root "$root" "$work/out" > "$work/again.out" 2>&1; t [ $? = 0 ]
t grep -qx 'nothing to apply' "$work/again.out"
t [ ! -s "$work/calls" ]

# a second translation, charon and xl2tpd running: swanctl refuses it -> all back as it was
"$cmd" translate -o "$work/out2" "$profiles/lns-client-initiated.cfg" > /dev/null 2>&1
applied=$(sum)
: > "$work/calls"
FAKE_XL2TPD_ACTIVE=1 FAKE_LOAD_FAIL=$work/failed-once apply --root "$root" "$work/out2" > "$work/fail.out" 2>&1
t [ $? = 1 ]
t grep -q "swanctl --load-all (connections, secrets) failed (exit 1):" "$work/fail.out"
t grep -q "invalid proposal" "$work/fail.out"
t grep -q 'rolled back: every file is as it was' "$work/fail.out"
t [ "$(sum)" = "$applied" ]
t [ "$(grep -c 'swanctl --load-all' "$work/calls")" = 2 ]
t [ "$(grep -c 'swanctl --reload-settings' "$work/calls")" = 2 ]
t not_grep 'systemctl restart' "$work/calls"

# the same, accepted: charon reloads, xl2tpd restarts
: > "$work/calls"
FAKE_XL2TPD_ACTIVE=1 apply --root "$root" "$work/out2" > "$work/ok2.out" 2>&1; t [ $? = 0 ]
t grep -qx 'swanctl --reload-settings (crypto profiles): ok' "$work/ok2.out"
t grep -qx 'swanctl --load-all (connections, secrets): ok' "$work/ok2.out"
t grep -qx 'systemctl restart xl2tpd.service (its sessions end): ok' "$work/ok2.out"
t grep -qx 'systemctl restart xl2tpd.service' "$work/calls"
t cmp -s "$work/out2/xl2tpd/xl2tpd.conf" "$root/etc/xl2tpd/xl2tpd.conf"

# refusals
mkdir -p "$work/notours"; echo x > "$work/notours/xl2tpd.conf"
apply --root "$root" "$work/notours" > "$work/notours.out" 2>&1; t [ $? = 2 ]
t grep -q 'was not written by l2tpsec translate' "$work/notours.out"
ln -sf /etc/hostname "$root/etc/xl2tpd/l2tp-secrets.link"
rm -f "$root/etc/ppp/chap-secrets"; ln -s /etc/hostname "$root/etc/ppp/chap-secrets"
apply --root "$root" "$work/out" > "$work/link.out" 2>&1; t [ $? = 2 ]
t grep -q "chap-secrets is not a regular file: not replacing it" "$work/link.out"
apply > /dev/null 2>&1; t [ $? = 2 ]
apply --root > /dev/null 2>&1; t [ $? = 2 ]
apply --frob "$work/out" > /dev/null 2>&1; t [ $? = 2 ]
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
	setpriv --reuid=65534 --regid=65534 --clear-groups "$cmd" apply "$work/out" > "$work/nonroot" 2>&1
	t [ $? = 1 ]
	t grep -q 'needs root' "$work/nonroot"
fi
[ "$fails" = 0 ] || { for f in dry apply fail ok2; do echo "--- $f"; cat "$work/$f.out"; done; cat "$work/calls"; }
finish test_apply
