// Package svc calls its store through ifc.Tags, and does not import it.
package svc

import (
	"context"

	"example.com/linked/v1/ifc"
)

type Service struct{ Tags ifc.Tags }

func (s *Service) Rename(ctx context.Context, id interface{}, name string) error {
	return s.Tags.Set(ctx, map[string]interface{}{"_id": id}, map[string]interface{}{"name": name})
}
