"""The tandem-token CLI and mint_token()."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import jwt
import pytest

from tandem_kit.auth import Principal, TokenVerifier, mint_token
from tandem_kit.auth.mint import main
from tandem_kit.settings import AuthSettings


async def test_cli_prints_a_token_the_verifier_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "keys" / "signing.pem"
    argv = ["--sub", "alice", "--admin", "--manager", "p1", "--manager", "p2"]
    argv += ["--mentor", "p3", "--mentee", "p4", "--ttl", "120", "--key-path", str(key)]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "created signing key" in err
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    token = out.strip()
    assert "\n" not in token
    verifier = TokenVerifier(AuthSettings(local_key_path=str(key)))
    principal = await verifier.verify(token)
    assert principal == Principal.of(
        "alice", admin=True, manager=["p1", "p2"], mentor=["p3"], mentee=["p4"]
    )
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 120
    assert (claims["iss"], claims["aud"]) == ("tandem-local", "tandem")


async def test_cli_reads_issuer_and_audience_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "signing.pem"
    monkeypatch.setenv("TANDEM_AUTH__ISSUER", "https://issuer.test")
    monkeypatch.setenv("TANDEM_AUTH__AUDIENCE", "tandem-api")
    monkeypatch.setenv("TANDEM_AUTH__LOCAL_KEY_PATH", str(key))
    assert main(["--sub", "bob", "--mentee", "p1"]) == 0
    token = capsys.readouterr().out.strip()
    settings = AuthSettings(issuer="https://issuer.test", audience="tandem-api")
    verifier = TokenVerifier(settings.model_copy(update={"local_key_path": str(key)}))
    assert (await verifier.verify(token)).roles == {"mentee:p1"}
    # --issuer/--audience override the environment.
    assert main(["--sub", "bob", "--issuer", "other", "--audience", "x"]) == 0
    claims = jwt.decode(capsys.readouterr().out.strip(), options={"verify_signature": False})
    assert (claims["iss"], claims["aud"]) == ("other", "x")


@pytest.mark.parametrize("ttl", ["0", "-5", str(31 * 24 * 3600)])
def test_cli_refuses_bad_ttl(tmp_path: Path, capsys: pytest.CaptureFixture[str], ttl: str) -> None:
    assert main(["--sub", "a", "--ttl", ttl, "--key-path", str(tmp_path / "k.pem")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "ttl" in err


def test_cli_refuses_empty_subject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--sub", "", "--key-path", str(tmp_path / "k.pem")]) == 2
    assert capsys.readouterr().out == ""


def test_console_script_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("tandem-token")
    result = subprocess.run(
        [str(script), "--sub", "carol", "--key-path", str(tmp_path / "k.pem")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert jwt.decode(result.stdout.strip(), options={"verify_signature": False})["sub"] == "carol"


def test_mint_token_refuses_to_override_reserved_claims(tmp_path: Path) -> None:
    settings = AuthSettings(local_key_path=str(tmp_path / "k.pem"))
    with pytest.raises(ValueError, match="tandem_roles"):
        mint_token(settings, "a", extra_claims={"tandem_roles": ["admin"]})
    token = mint_token(settings, "a", extra_claims={"name": "Ada", "email": "ada@example.org"})
    assert jwt.decode(token, options={"verify_signature": False})["name"] == "Ada"
