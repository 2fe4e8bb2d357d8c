
-- ---------------------------------------------------------------------------
-- JSON-LD 1.1: the pinned context store, expansion and deserialization to RDF
-- ---------------------------------------------------------------------------

-- Contexts come from this table only, never from the network.  Rows marked
-- builtin are the pinned contexts installed with the extension (generated
-- from data/contexts by data/contexts/gen_seed.py); they are immutable and
-- are left out of pg_dump, which recreates them with CREATE EXTENSION.  Rows
-- an institution adds are dumped.
CREATE TABLE context (
	url text PRIMARY KEY,
	document text NOT NULL,
	sha256 bytea NOT NULL CHECK (octet_length(sha256) = 32),
	builtin boolean NOT NULL DEFAULT false,
	added timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE context IS 'pinned JSON-LD context documents by URL; unknown URLs are an error, never a fetch';
COMMENT ON COLUMN context.sha256 IS 'SHA-256 of the UTF-8 document; filled in when omitted, checked when given';
COMMENT ON COLUMN context.builtin IS 'installed with the extension (immutable, not dumped)';

-- BEGIN generated seed (data/contexts/gen_seed.py)
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "ClrCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrCredential",
      "@context": {
        "id": "@id",
        "type": "@type",
        "partial": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#partial",
          "@type": "xsd:boolean"
        }
      }
    },
    "ClrSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrSubject",
      "@context": {
        "id": "@id",
        "type": "@type",
        "cred": "https://www.w3.org/2018/credentials#",
        "obi": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#",
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#achievement",
          "@type": "obi:Achievement",
          "@container": "@set"
        },
        "association": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#association",
          "@type": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association",
          "@container": "@set"
        },
        "verifiableCredential": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#verifiableCredential",
          "@type": "cred:verifiableCredential",
          "@container": "@set"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#identifier-1",
          "@type": "obi:Identifier",
          "@container": "@set"
        }
      }
    },
    "Association": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association",
      "@context": {
        "associationType": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#AssociationType"
        },
        "sourceId": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#sourceId",
          "@type": "xsd:anyURI"
        },
        "targetId": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#targetId",
          "@type": "xsd:anyURI"
        }
      }
    }
  }
}',
	'\x880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/clr/v2p0/context.json', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "ClrCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrCredential",
      "@context": {
        "id": "@id",
        "type": "@type"
      }
    },
    "ClrSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrSubject",
      "@context": {
        "id": "@id",
        "type": "@type",
        "cred": "https://www.w3.org/2018/credentials#",
        "obi": "https://purl.imsglobal.org/spec/ob/v3p0/vocab.html#",
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#achievement",
          "@type": "obi:Achievement",
          "@container": "@set"
        },
        "association": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#association",
          "@type": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association",
          "@container": "@set"
        },
        "verifiableCredential": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#verifiableCredential",
          "@type": "cred:verifiableCredential",
          "@container": "@set"
        }
      }
    },
    "Association": {
      "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association",
      "@context": {
        "associationType": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#AssociationType"
        },
        "sourceId": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#sourceId",
          "@type": "xsd:anyURI"
        },
        "targetId": {
          "@id": "https://purl.imsglobal.org/spec/vc/clr/vocab.html#targetId",
          "@type": "xsd:anyURI"
        }
      }
    }
  }
}',
	'\xe198d7b517d74c5036434ce495086f67b10244709e9a3df9dcb7f8b1579b6167', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', '{
  "@context": {
    "id": "@id",
    "type": "@type",

    "xsd": "https://www.w3.org/2001/XMLSchema#",

    "OpenBadgeCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    },
    "Achievement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
      "@context": {
        "achievementType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType",
          "@type": "xsd:string"
        },
        "alignment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
          "@container": "@set"
        },
        "creator": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creator"
        },
        "creditsAvailable": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable",
          "@type": "xsd:float"
        },
        "criteria": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria",
          "@type": "@id"
        },
        "fieldOfStudy": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#fieldOfStudy",
          "@type": "xsd:string"
        },
        "humanCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode",
          "@type": "xsd:string"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "related": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#related",
          "@container": "@set"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@container": "@set"
        },
        "specialization": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#specialization",
          "@type": "xsd:string"
        },
        "tag": {
          "@id": "https://schema.org/keywords",
          "@type": "xsd:string",
          "@container": "@set"
        },
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version",
          "@type": "xsd:string"
        }
      }
    },
    "AchievementCredential": {
      "@id": "OpenBadgeCredential"
    },
    "AchievementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject",
      "@context": {
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement-0"
        },
        "activityEndDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityEndDate",
          "@type": "xsd:date"
        },
        "activityStartDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityStartDate",
          "@type": "xsd:date"
        },
        "creditsEarned": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned",
          "@type": "xsd:float"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@container": "@set"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "licenseNumber": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#licenseNumber",
          "@type": "xsd:string"
        },
        "result": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#result",
          "@container": "@set"
        },
        "role": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#role",
          "@type": "xsd:string"
        },
        "source": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#source",
          "@type": "@id"
        },
        "term": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#term",
          "@type": "xsd:string"
        }
      }
    },
    "Address": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address",
      "@context": {
        "addressCountry": {
          "@id": "https://schema.org/addressCountry",
          "@type": "xsd:string"
        },
        "addressCountryCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode",
          "@type": "xsd:string"
        },
        "addressLocality": {
          "@id": "https://schema.org/addressLocality",
          "@type": "xsd:string"
        },
        "addressRegion": {
          "@id": "https://schema.org/addressRegion",
          "@type": "xsd:string"
        },
        "geo": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates"
        },
        "postOfficeBoxNumber": {
          "@id": "https://schema.org/postOfficeBoxNumber",
          "@type": "xsd:string"
        },
        "postalCode": {
          "@id": "https://schema.org/postalCode",
          "@type": "xsd:string"
        },
        "streetAddress": {
          "@id": "https://schema.org/streetAddress",
          "@type": "xsd:string"
        }
      }
    },
    "Alignment": {
      "@id": "https://schema.org/AlignmentObject",
      "@context": {
        "targetCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode",
          "@type": "xsd:string"
        },
        "targetDescription": {
          "@id": "https://schema.org/targetDescription",
          "@type": "xsd:string"
        },
        "targetFramework": {
          "@id": "https://schema.org/targetFramework",
          "@type": "xsd:string"
        },
        "targetName": {
          "@id": "https://schema.org/targetName",
          "@type": "xsd:string"
        },
        "targetType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType",
          "@type": "xsd:string"
        },
        "targetUrl": {
          "@id": "https://schema.org/targetUrl",
          "@type": "xsd:anyURI"
        }
      }
    },
    "Criteria": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"
    },
    "EndorsementCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential"
    },
    "EndorsementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementSubject",
      "@context": {
        "endorsementComment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementComment",
          "@type": "xsd:string"
        }
      }
    },
    "Evidence": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Evidence",
      "@context": {
        "audience": {
          "@id": "https://schema.org/audience",
          "@type": "xsd:string"
        },
        "genre": {
          "@id": "https://schema.org/genre",
          "@type": "xsd:string"
        }
      }
    },
    "GeoCoordinates": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates",
      "@context": {
        "latitude": {
          "@id": "https://schema.org/latitude",
          "@type": "xsd:string"
        },
        "longitude": {
          "@id": "https://schema.org/longitude",
          "@type": "xsd:string"
        }
      }
    },
    "IdentifierEntry": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
      "@context": {
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@type": "xsd:string"
        },
        "identifierType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifierType",
          "@type": "xsd:string"
        }
      }
    },
    "IdentityObject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
      "@context": {
        "hashed": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#hashed",
          "@type": "xsd:boolean"
        },
        "identityHash": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash",
          "@type": "xsd:string"
        },
        "identityType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityType",
          "@type": "xsd:string"
        },
        "salt": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#salt",
          "@type": "xsd:string"
        }
      }
    },
    "Image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@context": {
        "caption": {
          "@id": "https://schema.org/caption",
          "@type": "xsd:string"
        }
      }
    },
    "Profile": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile",
      "@context": {
        "additionalName": {
          "@id": "https://schema.org/additionalName",
          "@type": "xsd:string"
        },
        "address": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#address",
          "@type": "@id"
        },
        "dateOfBirth": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#dateOfBirth",
          "@type": "xsd:date"
        },
        "email": {
          "@id": "https://schema.org/email",
          "@type": "xsd:string"
        },
        "familyName": {
          "@id": "https://schema.org/familyName",
          "@type": "xsd:string"
        },
        "familyNamePrefix": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#familyNamePrefix",
          "@type": "xsd:string"
        },
        "givenName": {
          "@id": "https://schema.org/givenName",
          "@type": "xsd:string"
        },
        "honorificPrefix": {
          "@id": "https://schema.org/honorificPrefix",
          "@type": "xsd:string"
        },
        "honorificSuffix": {
          "@id": "https://schema.org/honorificSuffix",
          "@type": "xsd:string"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "parentOrg": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#parentOrg",
          "@type": "@id"
        },
        "patronymicName": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#patronymicName",
          "@type": "xsd:string"
        },
        "phone": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#phone",
          "@type": "xsd:string"
        },
        "official": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#official",
          "@type": "xsd:string"
        }
      }
    },
    "Related": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
      "@context": {
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version",
          "@type": "xsd:string"
        }
      }
    },
    "Result": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
      "@context": {
        "achievedLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievedLevel",
          "@type": "xsd:anyURI"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "xsd:anyURI"
        },
        "status": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#status",
          "@type": "xsd:string"
        },
        "value": {
          "@id": "https://schema.org/value",
          "@type": "xsd:string"
        }
      }
    },
    "ResultDescription": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
      "@context": {
        "allowedValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#allowedValue",
          "@type": "xsd:string",
          "@container": "@set"
        },
        "requiredLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredLevel",
          "@type": "xsd:anyURI"
        },
        "requiredValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredValue",
          "@type": "xsd:string"
        },
        "resultType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType",
          "@type": "xsd:string"
        },
        "rubricCriterionLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#rubricCriterionLevel",
          "@container": "@set"
        },
        "valueMax": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMax",
          "@type": "xsd:string"
        },
        "valueMin": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMin",
          "@type": "xsd:string"
        }
      }
    },
    "RubricCriterionLevel": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
      "@context": {
        "level": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#level",
          "@type": "xsd:string"
        },
        "points": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#points",
          "@type": "xsd:string"
        }
      }
    },
    "alignment": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
      "@container": "@set"
    },
    "awardedDate": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#awardedDate",
      "@type": "xsd:dateTime"
    },
    "description": {
      "@id": "https://schema.org/description",
      "@type": "xsd:string"
    },
    "endorsement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsement",
      "@container": "@set"
    },
    "image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
      "@type": "@id"
    },
    "name": {
      "@id": "https://schema.org/name",
      "@type": "xsd:string"
    },
    "narrative": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative",
      "@type": "xsd:string"
    },
    "url": {
      "@id": "https://schema.org/url",
      "@type": "xsd:anyURI"
    }
  }
}
',
	'\xcfc147db5fd5e3575b06bd471fe04784e92de69296f64a351b8dff0ec3372e9c', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', '{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",
    "OpenBadgeCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    },
    "Achievement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievementType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType"
        },
        "alignment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
          "@container": "@set"
        },
        "creator": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creator"
        },
        "creditsAvailable": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "criteria": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria",
          "@type": "@id"
        },
        "fieldOfStudy": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#fieldOfStudy"
        },
        "humanCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "related": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#related",
          "@container": "@set"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@container": "@set"
        },
        "specialization": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#specialization"
        },
        "tag": {
          "@id": "https://schema.org/keywords",
          "@container": "@set"
        },
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        }
      }
    },
    "AchievementCredential": {
      "@id": "OpenBadgeCredential"
    },
    "AchievementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement-0"
        },
        "activityEndDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityEndDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "activityStartDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityStartDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "creditsEarned": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@container": "@set"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "licenseNumber": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#licenseNumber"
        },
        "result": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#result",
          "@container": "@set"
        },
        "role": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#role"
        },
        "source": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#source",
          "@type": "@id"
        },
        "term": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#term"
        }
      }
    },
    "Address": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "addressCountry": {
          "@id": "https://schema.org/addressCountry"
        },
        "addressCountryCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode"
        },
        "addressLocality": {
          "@id": "https://schema.org/addressLocality"
        },
        "addressRegion": {
          "@id": "https://schema.org/addressRegion"
        },
        "geo": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates"
        },
        "postOfficeBoxNumber": {
          "@id": "https://schema.org/postOfficeBoxNumber"
        },
        "postalCode": {
          "@id": "https://schema.org/postalCode"
        },
        "streetAddress": {
          "@id": "https://schema.org/streetAddress"
        }
      }
    },
    "Alignment": {
      "@id": "https://schema.org/AlignmentObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "targetCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode"
        },
        "targetDescription": {
          "@id": "https://schema.org/targetDescription"
        },
        "targetFramework": {
          "@id": "https://schema.org/targetFramework"
        },
        "targetName": {
          "@id": "https://schema.org/targetName"
        },
        "targetType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType"
        },
        "targetUrl": {
          "@id": "https://schema.org/targetUrl",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        }
      }
    },
    "Criteria": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"
    },
    "EndorsementCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential"
    },
    "EndorsementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "endorsementComment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementComment"
        }
      }
    },
    "Evidence": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Evidence",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "audience": {
          "@id": "https://schema.org/audience"
        },
        "genre": {
          "@id": "https://schema.org/genre"
        }
      }
    },
    "GeoCoordinates": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "latitude": {
          "@id": "https://schema.org/latitude"
        },
        "longitude": {
          "@id": "https://schema.org/longitude"
        }
      }
    },
    "IdentifierEntry": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier"
        },
        "identifierType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifierType"
        }
      }
    },
    "IdentityObject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "hashed": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#hashed",
          "@type": "https://www.w3.org/2001/XMLSchema#boolean"
        },
        "identityHash": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash"
        },
        "identityType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityType"
        },
        "salt": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#salt"
        }
      }
    },
    "Image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "caption": {
          "@id": "https://schema.org/caption"
        }
      }
    },
    "Profile": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "additionalName": {
          "@id": "https://schema.org/additionalName"
        },
        "address": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#address",
          "@type": "@id"
        },
        "dateOfBirth": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#dateOfBirth",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "email": {
          "@id": "https://schema.org/email"
        },
        "familyName": {
          "@id": "https://schema.org/familyName"
        },
        "familyNamePrefix": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#familyNamePrefix"
        },
        "givenName": {
          "@id": "https://schema.org/givenName"
        },
        "honorificPrefix": {
          "@id": "https://schema.org/honorificPrefix"
        },
        "honorificSuffix": {
          "@id": "https://schema.org/honorificSuffix"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "parentOrg": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#parentOrg",
          "@type": "@id"
        },
        "patronymicName": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#patronymicName"
        },
        "phone": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#phone"
        },
        "official": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#official"
        }
      }
    },
    "Related": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        }
      }
    },
    "Result": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievedLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievedLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "status": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#status"
        },
        "value": {
          "@id": "https://schema.org/value"
        }
      }
    },
    "ResultDescription": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "allowedValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#allowedValue",
          "@container": "@list"
        },
        "requiredLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "requiredValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredValue"
        },
        "resultType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType"
        },
        "rubricCriterionLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#rubricCriterionLevel",
          "@container": "@set"
        },
        "valueMax": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMax"
        },
        "valueMin": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMin"
        }
      }
    },
    "RubricCriterionLevel": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "level": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#level"
        },
        "points": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#points"
        }
      }
    },
    "alignment": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
      "@container": "@set"
    },
    "description": {
      "@id": "https://schema.org/description"
    },
    "endorsement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsement",
      "@container": "@set"
    },
    "image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@type": "@id"
    },
    "name": {
      "@id": "https://schema.org/name"
    },
    "narrative": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative"
    },
    "url": {
      "@id": "https://schema.org/url",
      "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
    }
  }
}',
	'\xbba433989e1e700ca60838a3c22378e7d8381aeb0c9590f9ddf84d1714f10296', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', '{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",
    "OpenBadgeCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    },
    "Achievement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievementType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType"
        },
        "alignment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
          "@container": "@set"
        },
        "creator": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creator"
        },
        "creditsAvailable": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "criteria": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria",
          "@type": "@id"
        },
        "fieldOfStudy": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#fieldOfStudy"
        },
        "humanCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "related": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#related",
          "@container": "@set"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@container": "@set"
        },
        "specialization": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#specialization"
        },
        "tag": {
          "@id": "https://schema.org/keywords",
          "@container": "@set"
        },
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        },
        "inLanguage": {
          "@id": "https://schema.org/inLanguage"
        }
      }
    },
    "AchievementCredential": {
      "@id": "OpenBadgeCredential"
    },
    "AchievementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement"
        },
        "activityEndDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityEndDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "activityStartDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityStartDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "creditsEarned": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@container": "@set"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
          "@type": "@id"
        },
        "licenseNumber": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#licenseNumber"
        },
        "result": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#result",
          "@container": "@set"
        },
        "role": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#role"
        },
        "source": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#source",
          "@type": "@id"
        },
        "term": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#term"
        }
      }
    },
    "Address": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "addressCountry": {
          "@id": "https://schema.org/addressCountry"
        },
        "addressCountryCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode"
        },
        "addressLocality": {
          "@id": "https://schema.org/addressLocality"
        },
        "addressRegion": {
          "@id": "https://schema.org/addressRegion"
        },
        "geo": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates"
        },
        "postOfficeBoxNumber": {
          "@id": "https://schema.org/postOfficeBoxNumber"
        },
        "postalCode": {
          "@id": "https://schema.org/postalCode"
        },
        "streetAddress": {
          "@id": "https://schema.org/streetAddress"
        }
      }
    },
    "Alignment": {
      "@id": "https://schema.org/AlignmentObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "targetCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode"
        },
        "targetDescription": {
          "@id": "https://schema.org/targetDescription"
        },
        "targetFramework": {
          "@id": "https://schema.org/targetFramework"
        },
        "targetName": {
          "@id": "https://schema.org/targetName"
        },
        "targetType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType"
        },
        "targetUrl": {
          "@id": "https://schema.org/targetUrl",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        }
      }
    },
    "Criteria": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"
    },
    "EndorsementCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential"
    },
    "EndorsementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "endorsementComment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementComment"
        }
      }
    },
    "Evidence": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Evidence",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "audience": {
          "@id": "https://schema.org/audience"
        },
        "genre": {
          "@id": "https://schema.org/genre"
        }
      }
    },
    "GeoCoordinates": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "latitude": {
          "@id": "https://schema.org/latitude"
        },
        "longitude": {
          "@id": "https://schema.org/longitude"
        }
      }
    },
    "IdentifierEntry": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier"
        },
        "identifierType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifierType"
        }
      }
    },
    "IdentityObject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "hashed": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#hashed",
          "@type": "https://www.w3.org/2001/XMLSchema#boolean"
        },
        "identityHash": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash"
        },
        "identityType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityType"
        },
        "salt": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#salt"
        }
      }
    },
    "Image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "caption": {
          "@id": "https://schema.org/caption"
        }
      }
    },
    "Profile": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "additionalName": {
          "@id": "https://schema.org/additionalName"
        },
        "address": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#address",
          "@type": "@id"
        },
        "dateOfBirth": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#dateOfBirth",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "email": {
          "@id": "https://schema.org/email"
        },
        "familyName": {
          "@id": "https://schema.org/familyName"
        },
        "familyNamePrefix": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#familyNamePrefix"
        },
        "givenName": {
          "@id": "https://schema.org/givenName"
        },
        "honorificPrefix": {
          "@id": "https://schema.org/honorificPrefix"
        },
        "honorificSuffix": {
          "@id": "https://schema.org/honorificSuffix"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "parentOrg": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#parentOrg",
          "@type": "@id"
        },
        "patronymicName": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#patronymicName"
        },
        "phone": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#phone"
        },
        "official": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#official"
        }
      }
    },
    "Related": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        },
        "inLanguage": {
          "@id": "https://schema.org/inLanguage"
        }
      }
    },
    "Result": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievedLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievedLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "status": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#status"
        },
        "value": {
          "@id": "https://schema.org/value"
        }
      }
    },
    "ResultDescription": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "allowedValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#allowedValue",
          "@container": "@list"
        },
        "requiredLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "requiredValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredValue"
        },
        "resultType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType"
        },
        "rubricCriterionLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#rubricCriterionLevel",
          "@container": "@set"
        },
        "valueMax": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMax"
        },
        "valueMin": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMin"
        }
      }
    },
    "RubricCriterionLevel": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "level": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#level"
        },
        "points": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#points"
        }
      }
    },
    "alignment": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
      "@container": "@set"
    },
    "description": {
      "@id": "https://schema.org/description"
    },
    "endorsement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsement",
      "@container": "@set"
    },
    "endorsementJwt": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementJwt",
      "@container": "@set"
    },
    "image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
      "@type": "@id"
    },
    "inLanguage": {
      "@id": "https://schema.org/inLanguage"
    },
    "name": {
      "@id": "https://schema.org/name"
    },
    "narrative": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative"
    },
    "url": {
      "@id": "https://schema.org/url",
      "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
    },
    "awardedDate": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#awardedDate",
      "@type": "xsd:dateTime"
    },
    "jti": {
      "@id": "https://www.iana.org/assignments/jwt#jti",
      "@type": "@id"
    }
  }
}
',
	'\x3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/context.json', '{
  "@context": {
    "id": "@id",
    "type": "@type",

    "xsd": "https://www.w3.org/2001/XMLSchema#",

    "OpenBadgeCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    },
    "Achievement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
      "@context": {
        "achievementType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType",
          "@type": "xsd:string"
        },
        "alignment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Alignment",
          "@container": "@set"
        },
        "creator": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile"
        },
        "creditsAvailable": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable",
          "@type": "xsd:float"
        },
        "criteria": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria",
          "@type": "@id"
        },
        "fieldOfStudy": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#fieldOfStudy",
          "@type": "xsd:string"
        },
        "humanCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode",
          "@type": "xsd:string"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
          "@container": "@set"
        },
        "related": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#related",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
          "@container": "@set"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
          "@container": "@set"
        },
        "specialization": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#specialization",
          "@type": "xsd:string"
        },
        "tag": {
          "@id": "https://schema.org/keywords",
          "@type": "xsd:string",
          "@container": "@set"
        },
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version",
          "@type": "xsd:string"
        }
      }
    },
    "AchievementCredential": {
      "@id": "OpenBadgeCredential"
    },
    "AchievementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject",
      "@context": {
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement"
        },
        "activityEndDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityEndDate",
          "@type": "xsd:date"
        },
        "activityStartDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityStartDate",
          "@type": "xsd:date"
        },
        "creditsEarned": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned",
          "@type": "xsd:float"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
          "@container": "@set"
        },
        "licenseNumber": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#licenseNumber",
          "@type": "xsd:string"
        },
        "result": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#result",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
          "@container": "@set"
        },
        "role": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#role",
          "@type": "xsd:string"
        },
        "source": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#source",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile"
        },
        "term": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#term",
          "@type": "xsd:string"
        }
      }
    },
    "Address": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address",
      "@context": {
        "addressCountry": {
          "@id": "https://schema.org/addressCountry",
          "@type": "xsd:string"
        },
        "addressCountryCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode",
          "@type": "xsd:string"
        },
        "addressLocality": {
          "@id": "https://schema.org/addressLocality",
          "@type": "xsd:string"
        },
        "addressRegion": {
          "@id": "https://schema.org/addressRegion",
          "@type": "xsd:string"
        },
        "geo": {
          "@id" : "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates"
        },
        "postOfficeBoxNumber": {
          "@id": "https://schema.org/postOfficeBoxNumber",
          "@type": "xsd:string"
        },
        "postalCode": {
          "@id": "https://schema.org/postalCode",
          "@type": "xsd:string"
        },
        "streetAddress": {
          "@id": "https://schema.org/streetAddress",
          "@type": "xsd:string"
        }
      }
    },
    "Alignment": {
      "@id": "https://schema.org/Alignment",
      "@context": {
        "targetCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode",
          "@type": "xsd:string"
        },
        "targetDescription": {
          "@id": "https://schema.org/targetDescription",
          "@type": "xsd:string"
        },
        "targetFramework": {
          "@id": "https://schema.org/targetFramework",
          "@type": "xsd:string"
        },
        "targetName": {
          "@id": "https://schema.org/targetName",
          "@type": "xsd:string"
        },
        "targetType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType",
          "@type": "xsd:string"
        },
        "targetUrl": {
          "@id": "https://schema.org/targetUrl",
          "@type": "xsd:anyURI"
        }
      }
    },
    "Criteria": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"
    },
    "EndorsementCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential"
    },
    "EndorsementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementSubject",
      "@context": {
        "endorsementComment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementComment",
          "@type": "xsd:string"
        }
      }
    },
    "Evidence": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Evidence",
      "@context": {
        "audience": {
          "@id": "https://schema.org/audience",
          "@type": "xsd:string"
        },
        "genre": {
          "@id": "https://schema.org/genre",
          "@type": "xsd:string"
        }
      }
    },
    "GeoCoordinates": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates",
      "@context": {
        "latitude": {
          "@id": "https://schema.org/latitude",
          "@type": "xsd:string"
        },
        "longitude": {
          "@id": "https://schema.org/longitude",
          "@type": "xsd:string"
        }
      }
    },
    "IdentifierEntry": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
      "@context": {
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@type": "xsd:string"
        },
        "identifierType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifierType",
          "@type": "xsd:string"
        }
      }
    },
    "IdentityObject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
      "@context": {
        "hashed": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#hashed",
          "@type": "xsd:boolean"
        },
        "identityHash": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash",
          "@type": "xsd:string"
        },
        "identityType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityType",
          "@type": "xsd:string"
        },
        "salt":  {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#salt",
          "@type": "xsd:string"
        }
      }
    },
    "Image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@context": {
        "caption": {
          "@id": "https://schema.org/caption",
          "@type": "xsd:string"
        }
      }
    },
    "Profile": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile",
      "@context": {
        "additionalName": {
          "@id": "https://schema.org/additionalName",
          "@type": "xsd:string"
        },
        "address": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address"
        },
        "dateOfBirth": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#dateOfBirth",
          "@type": "xsd:date"
        },
        "email": {
          "@id": "https://schema.org/email",
          "@type": "xsd:string"
        },
        "familyName": {
          "@id": "https://schema.org/familyName",
          "@type": "xsd:string"
        },
        "familyNamePrefix": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#familyNamePrefix",
          "@type": "xsd:string"
        },
        "givenName": {
          "@id": "https://schema.org/givenName",
          "@type": "xsd:string"
        },
        "honorificPrefix": {
          "@id": "https://schema.org/honorificPrefix",
          "@type": "xsd:string"
        },
        "honorificSuffix": {
          "@id": "https://schema.org/honorificSuffix",
          "@type": "xsd:string"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
          "@container": "@set"
        },
        "parentOrg": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#parentOrg",
          "@type": "xsd:string"
        },
        "patronymicName": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#patronymicName",
          "@type": "xsd:string"
        },
        "phone": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#PhoneNumber",
          "@type": "xsd:string"
        },
        "official": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#official",
          "@type": "xsd:string"
        }
      }
    },
    "Related": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
      "@context": {
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version",
          "@type": "xsd:string"
        }
      }
    },
    "Result": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
      "@context": {
        "achievedLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievedLevel",
          "@type": "xsd:anyURI"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "xsd:anyURI"
        },
        "status": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#status",
          "@type": "xsd:string"
        },
        "value": {
          "@id": "https://schema.org/value",
          "@type": "xsd:string"
        }
      }
    },
    "ResultDescription": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
      "@context": {
        "allowedValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#allowedValue",
          "@type": "xsd:string",
          "@container": "@set"
        },
        "requiredLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredLevel",
          "@type": "xsd:anyURI"
        },
        "requiredValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredValue",
          "@type": "xsd:string"
        },
        "resultType": {
          "@id":"https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType",
          "@type": "xsd:string"
        },
        "rubricCriterionLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#rubricCriterionLevel",
          "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
          "@container": "@set"
        },
        "valueMax": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMax",
          "@type": "xsd:string"
        },
        "valueMin": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMin",
          "@type": "xsd:string"
        }
      }
    },
    "RubricCriterionLevel": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
      "@context": {
        "level": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#level",
          "@type": "xsd:string"
        },
        "points": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#points",
          "@type": "xsd:string"
        }
      }
    },
    "alignment": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
      "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Alignment",
      "@container": "@set"
    },
    "description": {
      "@id": "https://schema.org/description",
      "@type": "xsd:string"
    },
    "endorsement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsement",
      "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential",
      "@container": "@set"
    },
    "image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
      "@type": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image"
    },
    "name": {
      "@id": "https://schema.org/name",
      "@type": "xsd:string"
    },
    "narrative": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative",
      "@type": "xsd:string"
    },
    "url": {
      "@id": "https://schema.org/url",
      "@type": "xsd:anyURI"
    }
  }
}',
	'\xb077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', '{
    "@context": {
        "id": "@id",
        "type": "@type",
        "1EdTechJsonSchemaValidator2019": "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019",
        "1EdTechRevocationList": "https://purl.imsglobal.org/spec/vcrl/v1p0/context.json#1EdTechRevocationList",
        "1EdTechCredentialRefresh": "https://purl.imsglobal.org/spec/vccr/v1p0/context.json#1EdTechCredentialRefresh"
    }
}',
	'\x146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/blockcerts/v3', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "bc": "https://w3id.org/blockcerts#",
    "cp": "https://w3id.org/chainpoint#",
    "vc": "https://www.w3.org/2018/credentials/v1",
    "schema": "https://schema.org/",
    "sec": "https://w3id.org/security#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",

    "MerkleProof2019": "sec:MerkleProof2019",

    "BlockcertsCredential": "bc:BlockcertsCredential",
    "introductionUrl": { "@id": "bc:introductionUrl", "@type": "@id" },
    "metadata": "bc:metadata",
    "display": {
      "@id": "bc:display",
      "@context": {
        "id": "@id",
        "type": "@type",
        "contentMediaType": {"@id": "bc:contentMediaType"},
        "contentEncoding": {"@id": "bc:contentEncoding"},
        "content": {"@id": "bc:content"}
      }
    },

    "CryptographicKey": "sec:Key",

    "domain": "sec:domain",
    "nonce": "sec:nonce",
    "proofValue": "sec:proofValue",
    "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
    "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"},
    "proofPurpose": {"@id": "sec:proofPurpose", "@type": "@vocab"},
    "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"},
    "created": {"@id": "https://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
    "challenge": "sec:challenge",
    "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},

    "name": { "@id": "schema:name" },
    "description": { "@id": "schema:description" },
    "email": { "@id": "schema:email" },
    "publicKey": { "@id": "sec:publicKey" },
    "url": { "@id": "schema:url" },
    "image": { "@id": "schema:image" },
    "criteria": { "@id": "schema:criteria" },
    "claim": { "@id": "schema:claim" }
  }
}
',
	'\x7b5a4f9771640918b6e3169af29374b38a9f914dcfed77675db7944c8f1a1152', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/blockcerts/v3.1', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "bc": "https://w3id.org/blockcerts#",
    "cp": "https://w3id.org/chainpoint#",
    "vc": "https://www.w3.org/2018/credentials/v1",
    "schema": "https://schema.org/",
    "sec": "https://w3id.org/security#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",

    "BlockcertsCredential": "bc:BlockcertsCredential",
    "introductionUrl": { "@id": "bc:introductionUrl", "@type": "@id" },
    "metadata": "bc:metadata",
    "display": {
      "@id": "bc:display",
      "@context": {
        "id": "@id",
        "type": "@type",
        "contentMediaType": {"@id": "bc:contentMediaType"},
        "contentEncoding": {"@id": "bc:contentEncoding"},
        "content": {"@id": "bc:content"}
      }
    },

    "CryptographicKey": "sec:Key",

    "domain": "sec:domain",
    "nonce": "sec:nonce",
    "proofValue": "sec:proofValue",
    "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
    "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"},
    "proofPurpose": {"@id": "sec:proofPurpose", "@type": "@vocab"},
    "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"},
    "created": {"@id": "https://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
    "challenge": "sec:challenge",
    "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},

    "name": { "@id": "schema:name" },
    "description": { "@id": "schema:description" },
    "email": { "@id": "schema:email" },
    "publicKey": { "@id": "sec:publicKey" },
    "url": { "@id": "schema:url" },
    "image": { "@id": "schema:image" },
    "criteria": { "@id": "schema:criteria" },
    "claim": { "@id": "schema:claim" }
  }
}
',
	'\x2fc073679f0e05bba5984a3110c0bfcfbc9401c2a5874115e9a9bb12204001f3', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/blockcerts/v3.2', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "bc": "https://w3id.org/blockcerts#",
    "schema": "https://schema.org/",
    "sec": "https://w3id.org/security#",

    "BlockcertsCredential": "bc:BlockcertsCredential",
    "BlockcertsIssuerProfile": "bc:BlockcertsIssuerProfile",
    "introductionUrl": { "@id": "bc:introductionUrl", "@type": "@id" },
    "metadata": "bc:metadata",
    "display": {
      "@id": "bc:display",
      "@context": {
        "id": "@id",
        "type": "@type",
        "contentMediaType": {"@id": "bc:contentMediaType"},
        "contentEncoding": {"@id": "bc:contentEncoding"},
        "content": {"@id": "bc:content"}
      }
    },

    "email": { "@id": "schema:email" },
    "publicKey": {
      "@context": {
        "created": { "@id":  "bc:created" }
      },
      "@id": "sec:publicKey"
    },
    "url": { "@id": "schema:url" },
    "image": { "@id": "schema:image" },
    "criteria": { "@id": "schema:criteria" },
    "claim": { "@id": "schema:claim" },
    "revocationList": { "@id": "bc:revocationList" }
  }
}
',
	'\xfa5afe993720de6d030dc78cb8d33085e4e8a58704e26c8eefa536f4ab7b9731', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/citizenship/v2', '{
  "@context": {
    "@protected": true,

    "QuantitativeValue": {
      "@id": "https://schema.org/QuantitativeValue",
      "@context": {
        "@protected": true,

        "unitCode": "https://schema.org/unitCode",
        "value": "https://schema.org/value"
      }
    },

    "PostalAddress": {
      "@id": "https://schema.org/PostalAddress",
      "@context": {
        "@protected": true,

        "addressCountry": "https://schema.org/addressCountry",
        "addressLocality": "https://schema.org/addressLocality",
        "addressRegion": "https://schema.org/addressRegion"
      }
    },

    "Person": {
      "@id": "https://schema.org/Person",

      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "additionalName": "https://schema.org/additionalName",
        "birthCountry": "https://w3id.org/citizenship#birthCountry",
        "birthDate": {"@id": "https://schema.org/birthDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "familyName": "https://schema.org/familyName",
        "gender": "https://schema.org/gender",
        "givenName": "https://schema.org/givenName",
        "height": "https://schema.org/height",
        "image": {"@id": "https://schema.org/image", "@type": "@id"},
        "maritalStatus": "https://w3id.org/citizenship#maritalStatus",
        "marriageCertificateNumber": "https://w3id.org/citizenship#marriageCertificateNumber",
        "marriageLocation": {"@id": "https://w3id.org/citizenship#marriageLocation", "@type": "@id"}
      }
    },

    "PermanentResident": {
      "@id": "https://w3id.org/citizenship#PermanentResident",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "commuterClassification": "https://w3id.org/citizenship#commuterClassification",
        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "permanentResidentCard": {"@id": "https://w3id.org/citizenship#permanentResidentCard", "@type": "@id"},
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
      }
    },

    "PermanentResidentCard": {
      "@id": "https://w3id.org/citizenship#PermanentResidentCard",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "lprCategory": "https://w3id.org/citizenship#lprCategory",
        "lprNumber": "https://w3id.org/citizenship#lprNumber",
        "mrzHash": {
          "@id": "https://w3id.org/citizenship#mrzHash",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },

    "PermanentResidentCardCredential": "https://w3id.org/citizenship#PermanentResidentCardCredential",

    "EmployablePerson": {
      "@id": "https://w3id.org/citizenship#EmployablePerson",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "commuterClassification": "https://w3id.org/citizenship#commuterClassification",
        "employmentAuthorizationDocument": {"@id": "https://w3id.org/citizenship#employmentAuthorizationDocument", "@type": "@id"},
        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
      }
    },

    "EmploymentAuthorizationDocument": {
      "@id": "https://w3id.org/citizenship#EmploymentAuthorizationDocument",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "lprCategory": "https://w3id.org/citizenship#lprCategory",
        "lprNumber": "https://w3id.org/citizenship#lprNumber",
        "mrzHash": {
          "@id": "https://w3id.org/citizenship#mrzHash",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },

    "EmploymentAuthorizationDocumentCredential": "https://w3id.org/citizenship#EmploymentAuthorizationDocumentCredential",

    "NaturalizedPerson": {
      "@id": "https://w3id.org/citizenship#NaturalizedPerson",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "certificateOfNaturalization": {"@id": "https://w3id.org/citizenship#certificateOfNaturalization", "@type": "@id"},
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "commuterClassification": "https://w3id.org/citizenship#commuterClassification"
      }
    },

    "CertificateOfNaturalization": {
      "@id": "https://w3id.org/citizenship#CertificateOfNaturalization",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "ceremonyDate": {"@id": "https://w3id.org/citizenship#ceremonyDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "ceremonyLocation": {"@id": "https://w3id.org/citizenship#ceremonyLocation", "@type": "@id"},
        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "naturalizationLocation": {"@id": "https://w3id.org/citizenship#naturalizationLocation", "@type": "@id"},
        "naturalizedBy": "https://w3id.org/citizenship#naturalizedBy",
        "identifier": "https://schema.org/identifier",
        "insRegistrationNumber": "https://w3id.org/citizenship#insRegistrationNumber"
      }
    },

    "CertificateOfNaturalizationCredential": "https://w3id.org/citizenship#CertificateOfNaturalizationCredential",

    "Citizen": {
      "@id": "https://w3id.org/citizenship#Citizen",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "certificateOfCitizenship": {"@id": "https://w3id.org/citizenship#certificateOfCitizenship", "@type": "@id"}
      }
    },

    "CertificateOfCitizenship": {
      "@id": "https://w3id.org/citizenship#CertificateOfCitizenship",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "ceremonyDate": {"@id": "https://w3id.org/citizenship#ceremonyDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "ceremonyLocation": {"@id": "https://w3id.org/citizenship#ceremonyLocation", "@type": "@id"},
        "cisRegistrationNumber": "https://w3id.org/citizenship#cisRegistrationNumber"
      }
    },

    "CertificateOfCitizenshipCredential": "https://w3id.org/citizenship#CertificateOfCitizenshipCredential",
    "OpticalBarcodeCredential": "https://w3id.org/citizenship#OpticalBarcodeCredential",
    "TerseBitstringStatusListEntry": {
      "@id":
        "https://w3id.org/citizenship#TerseBitstringStatusListEntry",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "terseStatusListBaseUrl": {
          "@type": "@id",
          "@id": "https://w3id.org/citizenship#terseStatusListBaseUrl"
        },
        "terseStatusListIndex":
          "https://w3id.org/citizenship#terseStatusListIndex"
      }
    }
  }
}
',
	'\x4b50a8580f99ddb2df2ad94e93eee1725f6c185a34306e1c98f4d631b160a9fc', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/citizenship/v4rc1', '{
  "@context": {
    "@protected": true,

    "image": {"@id": "https://schema.org/image", "@type": "@id"},

    "QuantitativeValue": {
      "@id": "https://schema.org/QuantitativeValue",
      "@context": {
        "@protected": true,

        "unitCode": "https://schema.org/unitCode",
        "value": "https://schema.org/value"
      }
    },

    "PostalAddress": {
      "@id": "https://schema.org/PostalAddress",
      "@context": {
        "@protected": true,

        "addressCountry": "https://schema.org/addressCountry",
        "addressLocality": "https://schema.org/addressLocality",
        "addressRegion": "https://schema.org/addressRegion"
      }
    },

    "Person": {
      "@id": "https://schema.org/Person",

      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "additionalName": "https://schema.org/additionalName",
        "birthCountry": "https://w3id.org/citizenship#birthCountry",
        "birthDate": {"@id": "https://schema.org/birthDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "familyName": "https://schema.org/familyName",
        "gender": "https://schema.org/gender",
        "givenName": "https://schema.org/givenName",
        "height": "https://schema.org/height",
        "image": {"@id": "https://schema.org/image", "@type": "@id"},
        "maritalStatus": "https://w3id.org/citizenship#maritalStatus",
        "marriageCertificateNumber": "https://w3id.org/citizenship#marriageCertificateNumber",
        "marriageLocation": {"@id": "https://w3id.org/citizenship#marriageLocation", "@type": "@id"}
      }
    },

    "PermanentResident": {
      "@id": "https://w3id.org/citizenship#PermanentResident",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "commuterClassification": "https://w3id.org/citizenship#commuterClassification",
        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "permanentResidentCard": {"@id": "https://w3id.org/citizenship#permanentResidentCard", "@type": "@id"},
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
      }
    },

    "PermanentResidentCard": {
      "@id": "https://w3id.org/citizenship#PermanentResidentCard",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "lprCategory": "https://w3id.org/citizenship#lprCategory",
        "lprNumber": "https://w3id.org/citizenship#lprNumber",
        "mrzHash": {
          "@id": "https://w3id.org/citizenship#mrzHash",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },

    "PermanentResidentCardCredential": "https://w3id.org/citizenship#PermanentResidentCardCredential",

    "EmployablePerson": {
      "@id": "https://w3id.org/citizenship#EmployablePerson",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "commuterClassification": "https://w3id.org/citizenship#commuterClassification",
        "employmentAuthorizationDocument": {"@id": "https://w3id.org/citizenship#employmentAuthorizationDocument", "@type": "@id"},
        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
      }
    },

    "EmploymentAuthorizationDocument": {
      "@id": "https://w3id.org/citizenship#EmploymentAuthorizationDocument",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "lprCategory": "https://w3id.org/citizenship#lprCategory",
        "lprNumber": "https://w3id.org/citizenship#lprNumber",
        "mrzHash": {
          "@id": "https://w3id.org/citizenship#mrzHash",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },

    "EmploymentAuthorizationDocumentCredential": "https://w3id.org/citizenship#EmploymentAuthorizationDocumentCredential",

    "NaturalizedPerson": {
      "@id": "https://w3id.org/citizenship#NaturalizedPerson",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "formerNationality": "https://w3id.org/citizenship#formerNationality",
        "certificateOfNaturalization": {"@id": "https://w3id.org/citizenship#certificateOfNaturalization", "@type": "@id"},
        "residence": {"@id": "https://w3id.org/citizenship#residence", "@type": "@id"},
        "residentSince": {"@id": "https://w3id.org/citizenship#residentSince", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "commuterClassification": "https://w3id.org/citizenship#commuterClassification"
      }
    },

    "CertificateOfNaturalization": {
      "@id": "https://w3id.org/citizenship#CertificateOfNaturalization",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "ceremonyDate": {"@id": "https://w3id.org/citizenship#ceremonyDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "ceremonyLocation": {"@id": "https://w3id.org/citizenship#ceremonyLocation", "@type": "@id"},
        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "naturalizationLocation": {"@id": "https://w3id.org/citizenship#naturalizationLocation", "@type": "@id"},
        "naturalizedBy": "https://w3id.org/citizenship#naturalizedBy",
        "identifier": "https://schema.org/identifier",
        "insRegistrationNumber": "https://w3id.org/citizenship#insRegistrationNumber"
      }
    },

    "CertificateOfNaturalizationCredential": "https://w3id.org/citizenship#CertificateOfNaturalizationCredential",

    "Citizen": {
      "@id": "https://w3id.org/citizenship#Citizen",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "certificateOfCitizenship": {"@id": "https://w3id.org/citizenship#certificateOfCitizenship", "@type": "@id"}
      }
    },

    "CertificateOfCitizenship": {
      "@id": "https://w3id.org/citizenship#CertificateOfCitizenship",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "filingLocation": {"@id": "https://w3id.org/citizenship#filingLocation", "@type": "@id"},
        "identifier": "https://schema.org/identifier",
        "ceremonyDate": {"@id": "https://w3id.org/citizenship#ceremonyDate", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "ceremonyLocation": {"@id": "https://w3id.org/citizenship#ceremonyLocation", "@type": "@id"},
        "cisRegistrationNumber": "https://w3id.org/citizenship#cisRegistrationNumber"
      }
    },

    "CertificateOfCitizenshipCredential": "https://w3id.org/citizenship#CertificateOfCitizenshipCredential"
  }
}
',
	'\x5038c7383afd7ab2158f1b997913a8f60978a0abcf96e0b0d08e29f146d2db1e', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/data-integrity/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "proof": {
      "@id": "https://w3id.org/security#proof",
      "@type": "@id",
      "@container": "@graph"
    },
    "DataIntegrityProof": {
      "@id": "https://w3id.org/security#DataIntegrityProof",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "cryptosuite": "https://w3id.org/security#cryptosuite",
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    }
  }
}
',
	'\xb5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/data-integrity/v2', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "proof": {
      "@id": "https://w3id.org/security#proof",
      "@type": "@id",
      "@container": "@graph"
    },
    "DataIntegrityProof": {
      "@id": "https://w3id.org/security#DataIntegrityProof",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "previousProof": {
          "@id": "https://w3id.org/security#previousProof",
          "@type": "@id"
        },
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "cryptosuite": {
          "@id": "https://w3id.org/security#cryptosuite",
          "@type": "https://w3id.org/security#cryptosuiteString"
        },
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    }
  }
}',
	'\x67f21e6e33a6c14e5ccfd2fc7865f7474fb71a04af7e94136cb399dfac8ae8f4', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/jwk/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "JsonWebKey": {
      "@id": "https://w3id.org/security#JsonWebKey",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "controller": {
          "@id": "https://w3id.org/security#controller",
          "@type": "@id"
        },
        "revoked": {
          "@id": "https://w3id.org/security#revoked",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "publicKeyJwk": {
          "@id": "https://w3id.org/security#publicKeyJwk",
          "@type": "@json"
        },
        "secretKeyJwk": {
          "@id": "https://w3id.org/security#secretKeyJwk",
          "@type": "@json"
        }
      }
    }
  }
}
',
	'\x0f14b62f6071aafe00df265770ea0c7508e118247d79b7d861a406d2aa00bece', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/multikey/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "Multikey": {
      "@id": "https://w3id.org/security#Multikey",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "controller": {
          "@id": "https://w3id.org/security#controller",
          "@type": "@id"
        },
        "revoked": {
          "@id": "https://w3id.org/security#revoked",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "publicKeyMultibase": {
          "@id": "https://w3id.org/security#publicKeyMultibase",
          "@type": "https://w3id.org/security#multibase"
        },
        "secretKeyMultibase": {
          "@id": "https://w3id.org/security#secretKeyMultibase",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    }
  }
}
',
	'\xba2c182de2d92f7e47184bcca8fcf0beaee6d3986c527bf664c195bbc7c58597', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/suites/ed25519-2020/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "proof": {
      "@id": "https://w3id.org/security#proof",
      "@type": "@id",
      "@container": "@graph"
    },
    "Ed25519VerificationKey2020": {
      "@id": "https://w3id.org/security#Ed25519VerificationKey2020",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "controller": {
          "@id": "https://w3id.org/security#controller",
          "@type": "@id"
        },
        "revoked": {
          "@id": "https://w3id.org/security#revoked",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "publicKeyMultibase": {
          "@id": "https://w3id.org/security#publicKeyMultibase",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    },
    "Ed25519Signature2020": {
      "@id": "https://w3id.org/security#Ed25519Signature2020",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    }
  }
}
',
	'\xb9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/v1', '{
  "@context": {
    "id": "@id",
    "type": "@type",

    "dc": "http://purl.org/dc/terms/",
    "sec": "https://w3id.org/security#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",

    "EcdsaKoblitzSignature2016": "sec:EcdsaKoblitzSignature2016",
    "Ed25519Signature2018": "sec:Ed25519Signature2018",
    "EncryptedMessage": "sec:EncryptedMessage",
    "GraphSignature2012": "sec:GraphSignature2012",
    "LinkedDataSignature2015": "sec:LinkedDataSignature2015",
    "LinkedDataSignature2016": "sec:LinkedDataSignature2016",
    "CryptographicKey": "sec:Key",

    "authenticationTag": "sec:authenticationTag",
    "canonicalizationAlgorithm": "sec:canonicalizationAlgorithm",
    "cipherAlgorithm": "sec:cipherAlgorithm",
    "cipherData": "sec:cipherData",
    "cipherKey": "sec:cipherKey",
    "created": {"@id": "dc:created", "@type": "xsd:dateTime"},
    "creator": {"@id": "dc:creator", "@type": "@id"},
    "digestAlgorithm": "sec:digestAlgorithm",
    "digestValue": "sec:digestValue",
    "domain": "sec:domain",
    "encryptionKey": "sec:encryptionKey",
    "expiration": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
    "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
    "initializationVector": "sec:initializationVector",
    "iterationCount": "sec:iterationCount",
    "nonce": "sec:nonce",
    "normalizationAlgorithm": "sec:normalizationAlgorithm",
    "owner": {"@id": "sec:owner", "@type": "@id"},
    "password": "sec:password",
    "privateKey": {"@id": "sec:privateKey", "@type": "@id"},
    "privateKeyPem": "sec:privateKeyPem",
    "publicKey": {"@id": "sec:publicKey", "@type": "@id"},
    "publicKeyBase58": "sec:publicKeyBase58",
    "publicKeyPem": "sec:publicKeyPem",
    "publicKeyWif": "sec:publicKeyWif",
    "publicKeyService": {"@id": "sec:publicKeyService", "@type": "@id"},
    "revoked": {"@id": "sec:revoked", "@type": "xsd:dateTime"},
    "salt": "sec:salt",
    "signature": "sec:signature",
    "signatureAlgorithm": "sec:signingAlgorithm",
    "signatureValue": "sec:signatureValue"
  }
}
',
	'\xabaf97e107d1925503c433dcaf3ffd2831697cacc1ed2a293e1bc8030d5bcb47', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/security/v2', '{
  "@context": [{
    "@version": 1.1
  }, "https://w3id.org/security/v1", {
    "AesKeyWrappingKey2019": "sec:AesKeyWrappingKey2019",
    "DeleteKeyOperation": "sec:DeleteKeyOperation",
    "DeriveSecretOperation": "sec:DeriveSecretOperation",
    "EcdsaSecp256k1Signature2019": "sec:EcdsaSecp256k1Signature2019",
    "EcdsaSecp256r1Signature2019": "sec:EcdsaSecp256r1Signature2019",
    "EcdsaSecp256k1VerificationKey2019": "sec:EcdsaSecp256k1VerificationKey2019",
    "EcdsaSecp256r1VerificationKey2019": "sec:EcdsaSecp256r1VerificationKey2019",
    "Ed25519Signature2018": "sec:Ed25519Signature2018",
    "Ed25519VerificationKey2018": "sec:Ed25519VerificationKey2018",
    "EquihashProof2018": "sec:EquihashProof2018",
    "ExportKeyOperation": "sec:ExportKeyOperation",
    "GenerateKeyOperation": "sec:GenerateKeyOperation",
    "KmsOperation": "sec:KmsOperation",
    "RevokeKeyOperation": "sec:RevokeKeyOperation",
    "RsaSignature2018": "sec:RsaSignature2018",
    "RsaVerificationKey2018": "sec:RsaVerificationKey2018",
    "Sha256HmacKey2019": "sec:Sha256HmacKey2019",
    "SignOperation": "sec:SignOperation",
    "UnwrapKeyOperation": "sec:UnwrapKeyOperation",
    "VerifyOperation": "sec:VerifyOperation",
    "WrapKeyOperation": "sec:WrapKeyOperation",
    "X25519KeyAgreementKey2019": "sec:X25519KeyAgreementKey2019",

    "allowedAction": "sec:allowedAction",
    "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
    "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"},
    "capability": {"@id": "sec:capability", "@type": "@id"},
    "capabilityAction": "sec:capabilityAction",
    "capabilityChain": {"@id": "sec:capabilityChain", "@type": "@id", "@container": "@list"},
    "capabilityDelegation": {"@id": "sec:capabilityDelegationMethod", "@type": "@id", "@container": "@set"},
    "capabilityInvocation": {"@id": "sec:capabilityInvocationMethod", "@type": "@id", "@container": "@set"},
    "caveat": {"@id": "sec:caveat", "@type": "@id", "@container": "@set"},
    "challenge": "sec:challenge",
    "ciphertext": "sec:ciphertext",
    "controller": {"@id": "sec:controller", "@type": "@id"},
    "delegator": {"@id": "sec:delegator", "@type": "@id"},
    "equihashParameterK": {"@id": "sec:equihashParameterK", "@type": "xsd:integer"},
    "equihashParameterN": {"@id": "sec:equihashParameterN", "@type": "xsd:integer"},
    "invocationTarget": {"@id": "sec:invocationTarget", "@type": "@id"},
    "invoker": {"@id": "sec:invoker", "@type": "@id"},
    "jws": "sec:jws",
    "keyAgreement": {"@id": "sec:keyAgreementMethod", "@type": "@id", "@container": "@set"},
    "kmsModule": {"@id": "sec:kmsModule"},
    "parentCapability": {"@id": "sec:parentCapability", "@type": "@id"},
    "plaintext": "sec:plaintext",
    "proof": {"@id": "sec:proof", "@type": "@id", "@container": "@graph"},
    "proofPurpose": {"@id": "sec:proofPurpose", "@type": "@vocab"},
    "proofValue": "sec:proofValue",
    "referenceId": "sec:referenceId",
    "unwrappedKey": "sec:unwrappedKey",
    "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"},
    "verifyData": "sec:verifyData",
    "wrappedKey": "sec:wrappedKey"
  }]
}
',
	'\x611bd81151d5efe53ec9aed78f5a813e577287bc9451ee26d6879b1b8b46bc3b', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://w3id.org/vc/status-list/2021/v1', '{
  "@context": {
    "@protected": true,
    "StatusList2021Credential": {
      "@id": "https://w3id.org/vc/status-list#StatusList2021Credential",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "description": "http://schema.org/description",
        "name": "http://schema.org/name"
      }
    },
    "StatusList2021": {
      "@id": "https://w3id.org/vc/status-list#StatusList2021",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "statusPurpose": "https://w3id.org/vc/status-list#statusPurpose",
        "encodedList": "https://w3id.org/vc/status-list#encodedList"
      }
    },
    "StatusList2021Entry": {
      "@id": "https://w3id.org/vc/status-list#StatusList2021Entry",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "statusPurpose": "https://w3id.org/vc/status-list#statusPurpose",
        "statusListIndex": "https://w3id.org/vc/status-list#statusListIndex",
        "statusListCredential": {
          "@id": "https://w3id.org/vc/status-list#statusListCredential",
          "@type": "@id"
        }
      }
    }
  }
}',
	'\x634d71c159289f068c96012e4511c657fdf82ac4231900081bda3ba24e2e1160', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/2018/credentials/examples/v1', '{
  "@context": [{
    "@version": 1.1
  },"https://www.w3.org/ns/odrl.jsonld", {
    "ex": "https://example.org/examples#",
    "schema": "http://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",

    "3rdPartyCorrelation": "ex:3rdPartyCorrelation",
    "AllVerifiers": "ex:AllVerifiers",
    "Archival": "ex:Archival",
    "BachelorDegree": "ex:BachelorDegree",
    "Child": "ex:Child",
    "CLCredentialDefinition2019": "ex:CLCredentialDefinition2019",
    "CLSignature2019": "ex:CLSignature2019",
    "IssuerPolicy": "ex:IssuerPolicy",
    "HolderPolicy": "ex:HolderPolicy",
    "Mother": "ex:Mother",
    "RelationshipCredential": "ex:RelationshipCredential",
    "UniversityDegreeCredential": "ex:UniversityDegreeCredential",
    "AlumniCredential": "ex:AlumniCredential",
    "DisputeCredential": "ex:DisputeCredential",
    "PrescriptionCredential": "ex:PrescriptionCredential",
    "ZkpExampleSchema2018": "ex:ZkpExampleSchema2018",

    "issuerData": "ex:issuerData",
    "attributes": "ex:attributes",
    "signature": "ex:signature",
    "signatureCorrectnessProof": "ex:signatureCorrectnessProof",
    "primaryProof": "ex:primaryProof",
    "nonRevocationProof": "ex:nonRevocationProof",

    "alumniOf": {"@id": "schema:alumniOf", "@type": "rdf:HTML"},
    "child": {"@id": "ex:child", "@type": "@id"},
    "degree": "ex:degree",
    "degreeType": "ex:degreeType",
    "degreeSchool": "ex:degreeSchool",
    "college": "ex:college",
    "name": {"@id": "schema:name", "@type": "rdf:HTML"},
    "givenName": "schema:givenName",
    "familyName": "schema:familyName",
    "parent": {"@id": "ex:parent", "@type": "@id"},
    "referenceId": "ex:referenceId",
    "documentPresence": "ex:documentPresence",
    "evidenceDocument": "ex:evidenceDocument",
    "spouse": "schema:spouse",
    "subjectPresence": "ex:subjectPresence",
    "verifier": {"@id": "ex:verifier", "@type": "@id"},
    "currentStatus": "ex:currentStatus",
    "statusReason": "ex:statusReason",
    "prescription": "ex:prescription"
  }]
}
',
	'\x2070ae4e75bc3b4c2cfe2b8b6e86ec45119672bbb5da283f0399ea96c60a0104', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/2018/credentials/v1', '{
  "@context": {
    "@version": 1.1,
    "@protected": true,

    "id": "@id",
    "type": "@type",

    "VerifiableCredential": {
      "@id": "https://www.w3.org/2018/credentials#VerifiableCredential",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "cred": "https://www.w3.org/2018/credentials#",
        "sec": "https://w3id.org/security#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",

        "credentialSchema": {
          "@id": "cred:credentialSchema",
          "@type": "@id",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "cred": "https://www.w3.org/2018/credentials#",

            "JsonSchemaValidator2018": "cred:JsonSchemaValidator2018"
          }
        },
        "credentialStatus": {"@id": "cred:credentialStatus", "@type": "@id"},
        "credentialSubject": {"@id": "cred:credentialSubject", "@type": "@id"},
        "evidence": {"@id": "cred:evidence", "@type": "@id"},
        "expirationDate": {"@id": "cred:expirationDate", "@type": "xsd:dateTime"},
        "holder": {"@id": "cred:holder", "@type": "@id"},
        "issued": {"@id": "cred:issued", "@type": "xsd:dateTime"},
        "issuer": {"@id": "cred:issuer", "@type": "@id"},
        "issuanceDate": {"@id": "cred:issuanceDate", "@type": "xsd:dateTime"},
        "proof": {"@id": "sec:proof", "@type": "@id", "@container": "@graph"},
        "refreshService": {
          "@id": "cred:refreshService",
          "@type": "@id",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "cred": "https://www.w3.org/2018/credentials#",

            "ManualRefreshService2018": "cred:ManualRefreshService2018"
          }
        },
        "termsOfUse": {"@id": "cred:termsOfUse", "@type": "@id"},
        "validFrom": {"@id": "cred:validFrom", "@type": "xsd:dateTime"},
        "validUntil": {"@id": "cred:validUntil", "@type": "xsd:dateTime"}
      }
    },

    "VerifiablePresentation": {
      "@id": "https://www.w3.org/2018/credentials#VerifiablePresentation",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "cred": "https://www.w3.org/2018/credentials#",
        "sec": "https://w3id.org/security#",

        "holder": {"@id": "cred:holder", "@type": "@id"},
        "proof": {"@id": "sec:proof", "@type": "@id", "@container": "@graph"},
        "verifiableCredential": {"@id": "cred:verifiableCredential", "@type": "@id", "@container": "@graph"}
      }
    },

    "EcdsaSecp256k1Signature2019": {
      "@id": "https://w3id.org/security#EcdsaSecp256k1Signature2019",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "sec": "https://w3id.org/security#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",

        "challenge": "sec:challenge",
        "created": {"@id": "http://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
        "domain": "sec:domain",
        "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
        "jws": "sec:jws",
        "nonce": "sec:nonce",
        "proofPurpose": {
          "@id": "sec:proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "sec": "https://w3id.org/security#",

            "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
            "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"}
          }
        },
        "proofValue": "sec:proofValue",
        "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"}
      }
    },

    "EcdsaSecp256r1Signature2019": {
      "@id": "https://w3id.org/security#EcdsaSecp256r1Signature2019",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "sec": "https://w3id.org/security#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",

        "challenge": "sec:challenge",
        "created": {"@id": "http://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
        "domain": "sec:domain",
        "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
        "jws": "sec:jws",
        "nonce": "sec:nonce",
        "proofPurpose": {
          "@id": "sec:proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "sec": "https://w3id.org/security#",

            "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
            "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"}
          }
        },
        "proofValue": "sec:proofValue",
        "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"}
      }
    },

    "Ed25519Signature2018": {
      "@id": "https://w3id.org/security#Ed25519Signature2018",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "sec": "https://w3id.org/security#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",

        "challenge": "sec:challenge",
        "created": {"@id": "http://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
        "domain": "sec:domain",
        "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
        "jws": "sec:jws",
        "nonce": "sec:nonce",
        "proofPurpose": {
          "@id": "sec:proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "sec": "https://w3id.org/security#",

            "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
            "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"}
          }
        },
        "proofValue": "sec:proofValue",
        "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"}
      }
    },

    "RsaSignature2018": {
      "@id": "https://w3id.org/security#RsaSignature2018",
      "@context": {
        "@version": 1.1,
        "@protected": true,

        "challenge": "sec:challenge",
        "created": {"@id": "http://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
        "domain": "sec:domain",
        "expires": {"@id": "sec:expiration", "@type": "xsd:dateTime"},
        "jws": "sec:jws",
        "nonce": "sec:nonce",
        "proofPurpose": {
          "@id": "sec:proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@version": 1.1,
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "sec": "https://w3id.org/security#",

            "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"},
            "authentication": {"@id": "sec:authenticationMethod", "@type": "@id", "@container": "@set"}
          }
        },
        "proofValue": "sec:proofValue",
        "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"}
      }
    },

    "proof": {"@id": "https://w3id.org/security#proof", "@type": "@id", "@container": "@graph"}
  }
}
',
	'\xab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/credentials/examples/v2', '{
  "@context": {
    "@vocab": "https://www.w3.org/ns/credentials/examples#"
  }
}
',
	'\x57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/credentials/status/v1', '{
  "@context": {
    "@protected": true,

    "id": "@id",
    "type": "@type",

    "BitstringStatusListCredential": "https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",

    "BitstringStatusList": {
      "@id": "https://www.w3.org/ns/credentials/status#BitstringStatusList",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "encodedList": {
          "@id": "https://www.w3.org/ns/credentials/status#encodedList",
          "@type": "https://w3id.org/security#multibase"
        },
        "statusPurpose":
          "https://www.w3.org/ns/credentials/status#statusPurpose",
        "ttl": "https://www.w3.org/ns/credentials/status#ttl"
      }
    },

    "BitstringStatusListEntry": {
      "@id":
        "https://www.w3.org/ns/credentials/status#BitstringStatusListEntry",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "statusListCredential": {
          "@id":
            "https://www.w3.org/ns/credentials/status#statusListCredential",
          "@type": "@id"
        },
        "statusListIndex":
          "https://www.w3.org/ns/credentials/status#statusListIndex",
        "statusPurpose":
          "https://www.w3.org/ns/credentials/status#statusPurpose",
        "statusMessage": {
          "@id": "https://www.w3.org/ns/credentials/status#statusMessage",
          "@context": {
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "message": "https://www.w3.org/ns/credentials/status#message",
            "status": "https://www.w3.org/ns/credentials/status#status"
          }
        },
        "statusReference": {
          "@id": "https://www.w3.org/ns/credentials/status#statusReference",
          "@type": "@id"
        },
        "statusSize": {
          "@id": "https://www.w3.org/ns/credentials/status#statusSize",
          "@type": "https://www.w3.org/2001/XMLSchema#integer"
        }
      }
    }
  }
}
',
	'\xfda5add353231e6a6884a46b12e6c75464281900cb348284d9c360f62381d9f7', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/credentials/undefined-terms/v2', '{
  "@context": {
    "@vocab": "https://www.w3.org/ns/credentials/undefined-term#"
  }
}
',
	'\x82dab514ba44eb18f5d1b0f638c5e140c6a556fbfb5089601bdc0fa5eb8b2581', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/credentials/v2', '{
  "@context": {
    "@protected": true,

    "id": "@id",
    "type": "@type",

    "description": "https://schema.org/description",
    "digestMultibase": {
      "@id": "https://w3id.org/security#digestMultibase",
      "@type": "https://w3id.org/security#multibase"
    },
    "digestSRI": {
      "@id": "https://www.w3.org/2018/credentials#digestSRI",
      "@type": "https://www.w3.org/2018/credentials#sriString"
    },
    "mediaType": {
      "@id": "https://schema.org/encodingFormat"
    },
    "name": "https://schema.org/name",

    "VerifiableCredential": {
      "@id": "https://www.w3.org/2018/credentials#VerifiableCredential",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "confidenceMethod": {
          "@id": "https://www.w3.org/2018/credentials#confidenceMethod",
          "@type": "@id"
        },
        "credentialSchema": {
          "@id": "https://www.w3.org/2018/credentials#credentialSchema",
          "@type": "@id"
        },
        "credentialStatus": {
          "@id": "https://www.w3.org/2018/credentials#credentialStatus",
          "@type": "@id"
        },
        "credentialSubject": {
          "@id": "https://www.w3.org/2018/credentials#credentialSubject",
          "@type": "@id"
        },
        "description": "https://schema.org/description",
        "evidence": {
          "@id": "https://www.w3.org/2018/credentials#evidence",
          "@type": "@id"
        },
        "issuer": {
          "@id": "https://www.w3.org/2018/credentials#issuer",
          "@type": "@id"
        },
        "name": "https://schema.org/name",
        "proof": {
          "@id": "https://w3id.org/security#proof",
          "@type": "@id",
          "@container": "@graph"
        },
        "refreshService": {
          "@id": "https://www.w3.org/2018/credentials#refreshService",
          "@type": "@id"
        },
        "relatedResource": {
          "@id": "https://www.w3.org/2018/credentials#relatedResource",
          "@type": "@id"
        },
        "renderMethod": {
          "@id": "https://www.w3.org/2018/credentials#renderMethod",
          "@type": "@id"
        },
        "termsOfUse": {
          "@id": "https://www.w3.org/2018/credentials#termsOfUse",
          "@type": "@id"
        },
        "validFrom": {
          "@id": "https://www.w3.org/2018/credentials#validFrom",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "validUntil": {
          "@id": "https://www.w3.org/2018/credentials#validUntil",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        }
      }
    },

    "EnvelopedVerifiableCredential":
      "https://www.w3.org/2018/credentials#EnvelopedVerifiableCredential",

    "VerifiablePresentation": {
      "@id": "https://www.w3.org/2018/credentials#VerifiablePresentation",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "holder": {
          "@id": "https://www.w3.org/2018/credentials#holder",
          "@type": "@id"
        },
        "proof": {
          "@id": "https://w3id.org/security#proof",
          "@type": "@id",
          "@container": "@graph"
        },
        "termsOfUse": {
          "@id": "https://www.w3.org/2018/credentials#termsOfUse",
          "@type": "@id"
        },
        "verifiableCredential": {
          "@id": "https://www.w3.org/2018/credentials#verifiableCredential",
          "@type": "@id",
          "@container": "@graph",
          "@context": null
        }
      }
    },

    "EnvelopedVerifiablePresentation":
      "https://www.w3.org/2018/credentials#EnvelopedVerifiablePresentation",

    "JsonSchemaCredential":
      "https://www.w3.org/2018/credentials#JsonSchemaCredential",

    "JsonSchema": {
      "@id": "https://www.w3.org/2018/credentials#JsonSchema",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "jsonSchema": {
          "@id": "https://www.w3.org/2018/credentials#jsonSchema",
          "@type": "@json"
        }
      }
    },

    "BitstringStatusListCredential":
      "https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",

    "BitstringStatusList": {
      "@id": "https://www.w3.org/ns/credentials/status#BitstringStatusList",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "encodedList": {
          "@id": "https://www.w3.org/ns/credentials/status#encodedList",
          "@type": "https://w3id.org/security#multibase"
        },
        "statusPurpose":
          "https://www.w3.org/ns/credentials/status#statusPurpose",
        "ttl": "https://www.w3.org/ns/credentials/status#ttl"
      }
    },

    "BitstringStatusListEntry": {
      "@id":
        "https://www.w3.org/ns/credentials/status#BitstringStatusListEntry",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "statusListCredential": {
          "@id":
            "https://www.w3.org/ns/credentials/status#statusListCredential",
          "@type": "@id"
        },
        "statusListIndex":
          "https://www.w3.org/ns/credentials/status#statusListIndex",
        "statusPurpose":
          "https://www.w3.org/ns/credentials/status#statusPurpose",
        "statusMessage": {
          "@id": "https://www.w3.org/ns/credentials/status#statusMessage",
          "@context": {
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "message": "https://www.w3.org/ns/credentials/status#message",
            "status": "https://www.w3.org/ns/credentials/status#status"
          }
        },
        "statusReference": {
          "@id": "https://www.w3.org/ns/credentials/status#statusReference",
          "@type": "@id"
        },
        "statusSize": {
          "@id": "https://www.w3.org/ns/credentials/status#statusSize",
          "@type": "https://www.w3.org/2001/XMLSchema#integer"
        }
      }
    },

    "DataIntegrityProof": {
      "@id": "https://w3id.org/security#DataIntegrityProof",
      "@context": {
        "@protected": true,

        "id": "@id",
        "type": "@type",

        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "cryptosuite": {
          "@id": "https://w3id.org/security#cryptosuite",
          "@type": "https://w3id.org/security#cryptosuiteString"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "previousProof": {
          "@id": "https://w3id.org/security#previousProof",
          "@type": "@id"
        },
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,

            "id": "@id",
            "type": "@type",

            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    },

    "...": {
      "@id": "https://www.iana.org/assignments/jwt#..."
    },
    "_sd": {
      "@id": "https://www.iana.org/assignments/jwt#_sd",
      "@type": "@json"
    },
    "_sd_alg": {
      "@id": "https://www.iana.org/assignments/jwt#_sd_alg"
    },
    "aud": {
      "@id": "https://www.iana.org/assignments/jwt#aud",
      "@type": "@id"
    },
    "cnf": {
      "@id": "https://www.iana.org/assignments/jwt#cnf",
      "@context": {
        "@protected": true,

        "kid": {
          "@id": "https://www.iana.org/assignments/jwt#kid",
          "@type": "@id"
        },
        "jwk": {
          "@id": "https://www.iana.org/assignments/jwt#jwk",
          "@type": "@json"
        }
      }
    },
    "exp": {
      "@id": "https://www.iana.org/assignments/jwt#exp",
      "@type": "https://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    },
    "iat": {
      "@id": "https://www.iana.org/assignments/jwt#iat",
      "@type": "https://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    },
    "iss": {
      "@id": "https://www.iana.org/assignments/jose#iss",
      "@type": "@id"
    },
    "jku": {
      "@id": "https://www.iana.org/assignments/jose#jku",
      "@type": "@id"
    },
    "kid": {
      "@id": "https://www.iana.org/assignments/jose#kid",
      "@type": "@id"
    },
    "nbf": {
      "@id": "https://www.iana.org/assignments/jwt#nbf",
      "@type": "https://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    },
    "sub": {
      "@id": "https://www.iana.org/assignments/jose#sub",
      "@type": "@id"
    },
    "x5u": {
      "@id": "https://www.iana.org/assignments/jose#x5u",
      "@type": "@id"
    }
  }
}',
	'\x59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734', true);
INSERT INTO context (url, document, sha256, builtin) VALUES ('https://www.w3.org/ns/did/v1', '{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",

    "alsoKnownAs": {
      "@id": "https://www.w3.org/ns/activitystreams#alsoKnownAs",
      "@type": "@id"
    },
    "assertionMethod": {
      "@id": "https://w3id.org/security#assertionMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "authentication": {
      "@id": "https://w3id.org/security#authenticationMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "capabilityDelegation": {
      "@id": "https://w3id.org/security#capabilityDelegationMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "capabilityInvocation": {
      "@id": "https://w3id.org/security#capabilityInvocationMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "controller": {
      "@id": "https://w3id.org/security#controller",
      "@type": "@id"
    },
    "keyAgreement": {
      "@id": "https://w3id.org/security#keyAgreementMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "service": {
      "@id": "https://www.w3.org/ns/did#service",
      "@type": "@id",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "serviceEndpoint": {
          "@id": "https://www.w3.org/ns/did#serviceEndpoint",
          "@type": "@id"
        }
      }
    },
    "verificationMethod": {
      "@id": "https://w3id.org/security#verificationMethod",
      "@type": "@id"
    }
  }
}',
	'\xadefa50311393eb1bd788a38ac9fe2696c65367928f6996812cd54577394f4da', true);
-- END generated seed

-- The seed is checked against the pinned digests at install.
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(url, ', ') INTO bad FROM context
	 WHERE sha256 OPERATOR(pg_catalog.<>) pg_catalog.sha256(pg_catalog.convert_to(document, 'UTF8'));
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'pinned context documents do not match their SHA-256: %', bad;
	END IF;
END
$$;

SELECT pg_catalog.pg_extension_config_dump('context', 'WHERE NOT builtin');

CREATE FUNCTION context_check() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	digest bytea;
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		RAISE EXCEPTION 'cannot truncate credreg.context'
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Builtin contexts are pinned by the extension; DELETE the rows you added instead.';
	END IF;
	IF TG_OP = 'DELETE' THEN
		IF OLD.builtin THEN
			RAISE EXCEPTION 'cannot delete builtin context "%"', OLD.url
				USING ERRCODE = 'insufficient_privilege',
					  HINT = 'Builtin contexts are pinned by the extension.';
		END IF;
		RETURN OLD;
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.builtin THEN
		RAISE EXCEPTION 'cannot modify builtin context "%"', OLD.url
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Builtin contexts are pinned by the extension.';
	END IF;
	IF NEW.builtin THEN
		RAISE EXCEPTION 'cannot add builtin context "%"', NEW.url
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only the extension installs builtin contexts.';
	END IF;
	digest := sha256(convert_to(NEW.document, 'UTF8'));
	IF NEW.sha256 IS NULL THEN
		NEW.sha256 := digest;
	ELSIF NEW.sha256 <> digest THEN
		RAISE EXCEPTION 'SHA-256 of context document "%" does not match the given digest', NEW.url
			USING ERRCODE = 'data_exception',
				  DETAIL = format('The document hashes to %s.', encode(digest, 'hex')),
				  HINT = 'Give the digest of the exact UTF-8 bytes, or leave sha256 null to have it computed.';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION context_check() IS 'trigger: fills in or checks context.sha256 and keeps builtin contexts immutable';

CREATE TRIGGER context_check BEFORE INSERT OR UPDATE OR DELETE ON context
	FOR EACH ROW EXECUTE FUNCTION context_check();
CREATE TRIGGER context_no_truncate BEFORE TRUNCATE ON context
	FOR EACH STATEMENT EXECUTE FUNCTION context_check();

CREATE FUNCTION context_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'credreg_jsonld_context_changed'
	LANGUAGE C;
COMMENT ON FUNCTION context_changed() IS 'trigger: invalidates every backend''s cache of processed JSON-LD contexts';

CREATE TRIGGER context_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON context
	FOR EACH STATEMENT EXECUTE FUNCTION context_changed();

-- Not STRICT: base and safe may be null (null base: none; null safe: false).
CREATE FUNCTION jsonld_expand(document text, base text DEFAULT NULL, safe boolean DEFAULT false)
	RETURNS jsonb
	AS 'MODULE_PATHNAME', 'credreg_jsonld_expand'
	LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION jsonld_expand(text, text, boolean) IS 'JSON-LD 1.1 expansion with contexts from credreg.context; safe: fail instead of dropping terms; a NULL document gives NULL, a NULL base means none';

CREATE FUNCTION jsonld_to_rdf(document text, base text DEFAULT NULL, safe boolean DEFAULT false)
	RETURNS text
	AS 'MODULE_PATHNAME', 'credreg_jsonld_to_rdf'
	LANGUAGE C STABLE PARALLEL SAFE COST 2000;
COMMENT ON FUNCTION jsonld_to_rdf(text, text, boolean) IS 'JSON-LD 1.1 deserialization to RDF as sorted, de-duplicated N-Quads; safe: fail instead of dropping terms; a NULL document gives NULL, a NULL base means none';
