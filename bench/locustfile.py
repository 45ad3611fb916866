"""A mixed load: most visitors browse content pages; some answer the questionnaire."""

import random

from locust import HttpUser, between, task

PAGES = [
    "/",
    "/drugs/",
    "/drugs/trastuzumab/",
    "/drugs/letrozole/",
    "/drugs/palbociclib/",
    "/side-effects/",
    "/side-effects/low-white-blood-cells/",
    "/side-effects/mouth-sores/",
    "/treatments/hormone-therapy/",
    "/cancer-features/her2-positive/",
    "/survival/",
    "/glossary/",
    "/topics/when-cancer-grows/",
]
ANSWERS = {
    "hormone_receptor": "positive",
    "her2": "negative",
    "menopause": "post",
    "mutations": "unsure",
    "spread": "bone",
    "prior_treatments": "aromatase_inhibitor",
    "growing": "yes",
    "serious_symptoms": "no",
}


class Reader(HttpUser):
    wait_time = between(0.5, 2)

    @task(8)
    def browse(self):
        self.client.get(random.choice(PAGES))

    @task(1)
    def questionnaire(self):
        response = self.client.get(
            "/questionnaire/questions/?reset", name="/questionnaire/ (start)"
        )
        while "/questionnaire/questions/" in response.url and "/done/" not in response.url:
            step = response.url.split("?")[0].rstrip("/").split("/")[-1]
            token = self.client.cookies.get("csrftoken")
            response = self.client.post(
                response.url.split("?")[0],
                {
                    "csrfmiddlewaretoken": token,
                    "questionnaire_wizard-current_step": step,
                    f"{step}-{step}": ANSWERS.get(step, "unsure"),
                },
                headers={"Referer": response.url},
                name="/questionnaire/questions/[step]",
            )
        self.client.get("/questionnaire/results/")
